import { describe, expect, it } from 'vitest';
import { newBookingHref } from '@/lib/new-booking-href';
import { toCreatedNotice } from './created-booking';

describe('after staff booked', () => {
  it('the proposal link is the customer site’s, absolute, with its token kept', () => {
    const notice = toCreatedNotice(
      {
        reference: 'HB-7K2M9Q',
        holdExpiresAt: '2027-06-03T06:00:00.000Z',
        timezone: 'America/Los_Angeles',
        proposalUrl: '/proposal/HB-7K2M9Q?token=1817.abc_DEF-1',
      },
      'https://book.example.com/',
    );
    expect(notice).toEqual({
      reference: 'HB-7K2M9Q',
      holdExpiresAt: '2027-06-03T06:00:00.000Z',
      timezone: 'America/Los_Angeles',
      proposalLink: 'https://book.example.com/proposal/HB-7K2M9Q?token=1817.abc_DEF-1',
    });
  });
});

describe('links to the New booking page', () => {
  it('carry the calendar’s date, start and chef, and nothing empty', () => {
    expect(
      newBookingHref({ station: 'seattle', date: '2027-06-12', time: '18:30', chef: 'c-1' }),
    ).toBe('/bookings/new?station=seattle&date=2027-06-12&time=18%3A30&chef=c-1');
    expect(newBookingHref({ station: undefined, date: '', chef: undefined })).toBe('/bookings/new');
  });
});
