import { describe, expect, it } from 'vitest';
import { ZCreateBookingInput } from '@hibachi/core/bookings/create-booking.schema';
import { EMPTY_DETAILS, isDetailsField, toBookingInput, toDetailsValues } from './booking-form';

const selection = { station: 'seattle', date: '2027-06-12', time: '18:00', durationMinutes: 120 };
const filled = {
  ...EMPTY_DETAILS,
  adults: '8',
  children: '2',
  customer: { name: 'Ana Lee', email: 'ana@example.com', phone: '+1 555 010 4444' },
  address: { line1: '1 Pike Street', line2: ' ', city: 'Seattle', postalCode: '98101' },
};

describe('the booking details form', () => {
  it('sends the body the API takes: numbers, nested contact and address, no empty extras', () => {
    const body = toBookingInput(selection, filled, { menu: [], currency: 'USD' });
    expect(body).toEqual({
      ...selection,
      menu: [],
      currency: 'USD',
      adults: 8,
      children: 2,
      customer: { name: 'Ana Lee', email: 'ana@example.com', phone: '+1 555 010 4444' },
      address: { line1: '1 Pike Street', city: 'Seattle', postalCode: '98101' },
    });
    expect(ZCreateBookingInput.safeParse(body).success).toBe(true);
  });

  it('sends an empty party as NaN, which the schema names', () => {
    const body = toBookingInput(selection, { ...filled, adults: '' });
    expect(body.adults).toBeNaN();
    expect(ZCreateBookingInput.safeParse(body).success).toBe(false);
  });

  it('keeps a draft with fields never typed in as empty text', () => {
    expect(toDetailsValues({ adults: '3', customer: { email: 'a@b.test' } })).toEqual({
      ...EMPTY_DETAILS,
      adults: '3',
      children: '',
      customer: { name: '', email: 'a@b.test', phone: '' },
    });
  });

  it('owns the party, contact and address fields, not the date or menu', () => {
    expect(['adults', 'customer.email', 'address.postalCode'].every(isDetailsField)).toBe(true);
    expect(['date', 'time', 'menu[0].quantity'].some(isDetailsField)).toBe(false);
  });
});
