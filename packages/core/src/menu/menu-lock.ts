import { Temporal } from 'temporal-polyfill';

/**
 * When a booking's menu and headcount become final (the chef buys for them): `lockHours`
 * before the event's local start, counted on the station's wall clock, so "72 hours before
 * 18:00" is 18:00 three days earlier across a DST change too (a time that does not exist that
 * night moves to the one after the gap).
 */
export function menuLockAt(
  event: { date: string; time: string },
  timeZone: string,
  lockHours: number,
): Date {
  const start = Temporal.PlainDateTime.from(`${event.date}T${event.time}`);
  const lock = start.subtract({ hours: lockHours }).toZonedDateTime(timeZone, {
    disambiguation: 'later',
  });
  return new Date(lock.epochMilliseconds);
}

/** Whether the customer may still change the menu and headcount at `now`. */
export function menuOpen(lockAt: Date, now: Date): boolean {
  return now < lockAt;
}
