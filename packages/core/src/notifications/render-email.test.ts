import { describe, expect, it } from 'vitest';
import { verifyManageToken } from '../links/booking-link';
import { renderEmail, type EmailBooking } from './render-email';

const booking: EmailBooking = {
  reference: 'HB-7K3P9Q',
  status: 'CONFIRMED',
  startsAt: new Date('2027-03-28T17:30:00Z'),
  endsAt: new Date('2027-03-28T19:30:00Z'),
  adults: 1,
  children: 3,
  addressLine1: '9 Ember Row',
  city: 'London',
  totalCents: 55_000,
  depositCents: 10_000,
  holdExpiresAt: null,
  currency: 'USD',
  station: { name: 'London', timezone: 'Europe/London', locale: 'en-US' },
  customer: { name: '  Ana María Ruiz ' },
  menuLines: [],
};
const base = 'https://book.example.com';

describe('renderEmail', () => {
  it('confirms a paid booking with the balance, times in the station zone after the clocks change, and a working manage link', () => {
    const { subject, text } = renderEmail(
      { kind: 'BOOKING_CONFIRMATION', subject: 'Confirmed', payload: { status: 'CONFIRMED' } },
      booking,
      base,
    );
    expect(subject).toBe('Confirmed');
    expect(text).toContain('Hi Ana,');
    expect(text).toContain('The balance of $450 is due on the day of the event.');
    // 28 March 2027 is the first day of British Summer Time: 17:30 UTC is 6:30 PM BST.
    expect(text).toContain('When      Sunday, March 28, 2027, 6:30 PM to 8:30 PM (London time)');
    expect(text).toContain('Party     1 adult, 3 children');
    expect(text).toContain('Total     $550 (deposit $100)');
    const link = /See or manage your booking: (\S+)/.exec(text)![1]!;
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe('https://book.example.com/manage/HB-7K3P9Q');
    // The link is checked on the event's day: it expires a month after, whatever day the test runs.
    const token = url.searchParams.get('token')!;
    expect(verifyManageToken('HB-7K3P9Q', token, booking.startsAt)).toBe(true);
    expect(text).not.toContain('/pay/');
  });

  it('says what happened for cancellations, refunds and moves', () => {
    const render = (
      kind:
        | 'BOOKING_CANCELLED'
        | 'REFUND_ISSUED'
        | 'BOOKING_RESCHEDULED'
        | 'BOOKING_CHEF_CHANGED'
        | 'BALANCE_RECEIVED',
      payload: unknown,
    ) => renderEmail({ kind, subject: 's', payload }, booking, base).text;
    expect(
      render('BOOKING_CANCELLED', { refund: { reason: 'Your $100 deposit will be refunded.' } }),
    ).toContain('Your booking is cancelled.\nYour $100 deposit will be refunded.');
    expect(
      render('REFUND_ISSUED', { amountCents: 10_000, reason: 'The deposit was paid twice.' }),
    ).toContain(
      'We are refunding the $100 deposit payment to your card.\nThe deposit was paid twice.',
    );
    expect(render('BOOKING_RESCHEDULED', {})).toContain('Your booking has moved to a new time.');
    expect(render('BOOKING_CHEF_CHANGED', { chef: 'Aiko' })).toContain(
      'Aiko will be your chef for this event. Everything else stays as booked',
    );
    expect(
      render('BALANCE_RECEIVED', { amountCents: 40_000, gratuityCents: 8_000, refundCents: 0 }),
    ).toContain('we have received $480 ($400 towards the price and a $80 gratuity');
    expect(() => render('BOOKING_CHEF_CHANGED', {})).toThrow();
  });

  it('writes money in the station currency and lists the menu counts when a menu changes', () => {
    const { text } = renderEmail(
      { kind: 'BOOKING_MENU_CHANGED', subject: 'Menu updated', payload: { by: 'STAFF' } },
      {
        ...booking,
        currency: 'GBP',
        totalCents: 61_050,
        station: { ...booking.station, locale: 'en-GB' },
        menuLines: [
          { name: 'Chicken', quantity: 1 },
          { name: 'Lobster tail', quantity: 1 },
        ],
      },
      base,
    );
    expect(text).toContain('We have updated your menu and party as agreed.');
    expect(text).toContain('Menu      1 × Chicken, 1 × Lobster tail');
    expect(text).toContain('Total     £610.50 (deposit £100)');
  });

  it('words a cancellation from its recorded amounts, in the station currency', () => {
    const { text } = renderEmail(
      {
        kind: 'BOOKING_CANCELLED',
        subject: 'Cancelled',
        payload: {
          reference: booking.reference,
          cancellation: {
            cancelledBy: 'CUSTOMER',
            decision: 'REFUNDED',
            noticeHours: 72,
            depositCents: 10_000,
            balanceCents: 45_050,
            beyondCents: 0,
            parts: [
              { settledBy: 'PROVIDER', amountCents: 40_050 },
              { settledBy: 'CASH', amountCents: 15_000 },
            ],
            card: 'OWED',
            gratuity: { refundedCents: 0, keptCents: 5_000 },
          },
        },
      },
      { ...booking, currency: 'GBP', station: { ...booking.station, locale: 'en-GB' } },
      base,
    );
    expect(text).toContain(
      'Your booking is cancelled.\nYou cancelled at least 72 hours before the event, so everything you paid is refunded: your £100 deposit and £450.50 paid towards the balance (£550.50 in all). £400.50 will be refunded to your card. We will hand back the £150 you paid in cash. The £50 gratuity is not part of the cancellation refund: it stays with your chef. Reply to our e-mail if you would like it back.\n',
    );
  });

  it('refuses a payload that does not fit its kind', () => {
    expect(() =>
      renderEmail(
        { kind: 'REFUND_ISSUED', subject: 's', payload: { amountCents: -5 } },
        booking,
        base,
      ),
    ).toThrow();
    expect(() =>
      renderEmail({ kind: 'BOOKING_CONFIRMATION', subject: 's', payload: null }, booking, base),
    ).toThrow();
  });
});
