import { describe, expect, it } from 'vitest';
import { ZStaffBookingInput } from '@hibachi/core/bookings/create-booking.schema';
import {
  DURATIONS,
  toNewBookingInput,
  toNewBookingPrefill,
  toNewBookingValues,
  toQuoteAdjustments,
  type NewBookingValues,
} from './new-booking-values';

const CHEF = '5b0c6a38-8f63-4a55-9d1e-1f2f3a4b5c6d';
const order = {
  station: 'seattle',
  currency: 'USD',
  menu: [{ itemId: '0f9b3a6e-3d7a-4c1b-8f55-2a1b3c4d5e6f', quantity: 28 }],
};
const filled: NewBookingValues = {
  ...toNewBookingValues({ date: '2027-06-12', time: '18:00' }, '2027-06-01'),
  adults: '14',
  children: '0',
  chefId: CHEF,
  address: { line1: '1 Pike Street', line2: ' ', city: 'Seattle', postalCode: '98101' },
  customer: { name: 'Ana Lee', email: 'ana@example.com', phone: '+1 555 010 4444' },
  specialRequests: '',
};

describe('the New booking prefill (?date=&time=&chef=&duration=)', () => {
  it('keeps what reads as its field', () => {
    const params = new URLSearchParams({
      station: 'seattle',
      date: '2027-06-12',
      time: '18:30',
      chef: CHEF.toUpperCase(),
      duration: '150',
    });
    expect(toNewBookingPrefill(params)).toEqual({
      date: '2027-06-12',
      time: '18:30',
      chefId: CHEF,
      durationMinutes: 150,
    });
  });

  it('drops what does not (a bad date, a time past 23:59, a chef that is no id, 45 minutes)', () => {
    const params = new URLSearchParams({
      date: '12/06/2027',
      time: '24:00',
      chef: 'aiko',
      duration: '45',
    });
    expect(toNewBookingPrefill(params)).toEqual({});
    expect(toNewBookingPrefill(new URLSearchParams())).toEqual({});
  });

  it('starts the form there, or today for two hours with the least busy chef', () => {
    expect(toNewBookingValues({}, '2027-06-01')).toMatchObject({
      date: '2027-06-01',
      time: '',
      durationMinutes: '120',
      chefId: '',
      adults: '',
      children: '0',
    });
    expect(
      toNewBookingValues(
        { date: '2027-06-12', time: '18:30', chefId: CHEF, durationMinutes: 90 },
        '2027-06-01',
      ),
    ).toMatchObject({ date: '2027-06-12', time: '18:30', durationMinutes: '90', chefId: CHEF });
  });

  it('offers the lengths the API takes: 1 to 8 hours in half hours', () => {
    expect(DURATIONS[0]).toBe(60);
    expect(DURATIONS.at(-1)).toBe(480);
    expect(DURATIONS).toHaveLength(15);
  });
});

describe('the New booking body', () => {
  it('is exactly what POST /api/admin/bookings takes, with the chef and the menu', () => {
    const body = toNewBookingInput(filled, order);
    expect(body).toEqual({
      station: 'seattle',
      date: '2027-06-12',
      time: '18:00',
      durationMinutes: 120,
      chefId: CHEF,
      adults: 14,
      children: 0,
      customer: { name: 'Ana Lee', email: 'ana@example.com', phone: '+1 555 010 4444' },
      address: { line1: '1 Pike Street', city: 'Seattle', postalCode: '98101' },
      menu: order.menu,
      currency: 'USD',
    });
    expect(ZStaffBookingInput.safeParse(body).success).toBe(true);
  });

  it('leaves the chef to the server when none is chosen, and keeps requests and a second line', () => {
    const body = toNewBookingInput(
      {
        ...filled,
        chefId: '',
        address: { ...filled.address, line2: 'Apt 4' },
        specialRequests: 'Birthday',
      },
      order,
    );
    expect(body).not.toHaveProperty('chefId');
    expect(body.address.line2).toBe('Apt 4');
    expect(body.specialRequests).toBe('Birthday');
  });

  it('sends an empty party or start for the schema to name, at their fields', () => {
    const body = toNewBookingInput({ ...filled, adults: '', time: '' }, order);
    expect(body.adults).toBeNaN();
    const checked = ZStaffBookingInput.safeParse(body);
    expect(checked.success).toBe(false);
    const paths = checked.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['adults', 'time']));
  });

  it('reads a draft with fields never typed in as empty', () => {
    const body = toNewBookingInput({ date: '2027-06-12' }, { ...order, menu: [] });
    expect(body.customer).toEqual({ name: '', email: '', phone: '' });
    expect(body.address).toEqual({ line1: '', city: '', postalCode: '' });
    expect(body.children).toBe(0);
  });
});

describe('the New booking adjustments and deposit', () => {
  it('sends none for "None", a percent or an amount in minor units, and a manager’s deposit', () => {
    expect(toNewBookingInput(filled, order)).not.toHaveProperty('adjustments');
    const percent = toNewBookingInput(
      {
        ...filled,
        adjustments: [
          { kind: 'DISCOUNT', size: 'percent', percent: '10%', label: '', reason: 'Regular' },
        ],
        depositCents: '50',
      },
      order,
    );
    expect(percent).toMatchObject({
      adjustments: [{ kind: 'DISCOUNT', percent: 10, reason: 'Regular' }],
      depositCents: 5_000,
    });
    expect(ZStaffBookingInput.safeParse(percent).success).toBe(true);
    const amount = toNewBookingInput(
      {
        ...filled,
        adjustments: [
          { kind: 'SURCHARGE', size: 'amount', amountCents: '1,250', label: 'Late', reason: 'x' },
        ],
      },
      { ...order, currency: 'JPY' },
    );
    expect(amount.adjustments).toEqual([
      { kind: 'SURCHARGE', amountCents: 1_250, label: 'Late', reason: 'x' },
    ]);
    // A reason too short is the schema's to name, at its field.
    const refused = ZStaffBookingInput.safeParse(amount);
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'adjustments.0.reason',
    ]);
  });

  it('prices only complete rows beside the form (a half-typed one is left out)', () => {
    expect(
      toQuoteAdjustments(
        { adjustments: [{ kind: 'DISCOUNT', size: 'percent', percent: '' }], depositCents: '' },
        'USD',
      ),
    ).toEqual({});
    expect(
      toQuoteAdjustments(
        {
          adjustments: [{ kind: 'DISCOUNT', size: 'percent', percent: '15', reason: '' }],
          depositCents: '75.50',
        },
        'USD',
      ),
    ).toEqual({
      adjustments: [{ kind: 'DISCOUNT', percent: 15, reason: '' }],
      depositCents: 7_550,
    });
  });
});
