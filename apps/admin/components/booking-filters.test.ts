import { describe, expect, it } from 'vitest';
import { toBookingFilterQuery, toBookingFilterValues } from './booking-filters';

describe('the bookings filters', () => {
  it('put the chosen filters in the URL, empty ones left out, the station kept', () => {
    expect(
      toBookingFilterQuery({ q: ' HB-7K3P9Q ', status: 'CONFIRMED', from: '', to: '' }, 'denver'),
    ).toBe('status=CONFIRMED&q=HB-7K3P9Q&station=denver');
    expect(toBookingFilterQuery({ q: '', status: '', from: '', to: '' }, null)).toBe('');
  });

  it('show what the URL holds', () => {
    expect(toBookingFilterValues(new URLSearchParams('from=2027-01-01&q=ana@example.com'))).toEqual(
      {
        q: 'ana@example.com',
        status: '',
        from: '2027-01-01',
        to: '',
      },
    );
  });
});
