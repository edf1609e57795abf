import { describe, expect, it } from 'vitest';
import { plannedMessages } from './planned-message-rules';

const DAY = 86_400_000;
const now = new Date('2027-01-10T12:00:00Z');
const startsAt = new Date('2027-01-25T23:00:00Z');
const booking = {
  status: 'CONFIRMED',
  startsAt,
  endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
  createdAt: new Date('2027-01-01T10:00:00Z'),
};
const station = { reminderDays: 7, sendReminder: true, sendDayBefore: true, sendThankYou: true };

describe('plannedMessages', () => {
  it('plans the reminder, the day before and the thank-you of a confirmed event ahead', () => {
    expect(plannedMessages(booking, station, [], now)).toEqual([
      {
        kind: 'BOOKING_REMINDER',
        at: new Date(startsAt.getTime() - 7 * DAY).toISOString(),
        state: 'PLANNED',
      },
      {
        kind: 'BOOKING_DAY_BEFORE',
        at: new Date(startsAt.getTime() - DAY).toISOString(),
        state: 'PLANNED',
      },
      {
        kind: 'BOOKING_THANK_YOU',
        at: new Date(booking.endsAt.getTime() + 18 * 3_600_000).toISOString(),
        state: 'PLANNED',
      },
    ]);
  });

  it('leaves out what is queued, says what is off or skipped, and plans nothing for a cancelled event', () => {
    const late = { ...booking, createdAt: new Date(startsAt.getTime() - 3 * DAY) };
    expect(
      plannedMessages(late, { ...station, sendThankYou: false }, ['BOOKING_DAY_BEFORE'], now).map(
        (message) => [message.kind, message.state],
      ),
    ).toEqual([
      ['BOOKING_REMINDER', 'SKIPPED'],
      ['BOOKING_THANK_YOU', 'OFF'],
    ]);
    expect(plannedMessages({ ...booking, status: 'CANCELLED' }, station, [], now)).toEqual([]);
    expect(
      plannedMessages({ ...booking, status: 'COMPLETED' }, station, [], now).map((m) => m.kind),
    ).toEqual(['BOOKING_THANK_YOU']);
  });
});
