import { DateTime } from 'luxon';
import type { CalendarEvent, RescheduledBooking } from '@hibachi/core/bookings';
import { ApiError } from '@hibachi/web/fetch-json';
import { formatLocalDate, formatTime } from '@hibachi/web/format';
import type { MoveTarget } from '@/components/move-fields';

/** Where an event is drawn while its move waits for the server (or until the data shows it). */
export type MoveOverride = { start: Date; end: Date; chefId?: string };

/** The target of a move as instants in the station's zone. */
export function moveOverride(target: MoveTarget, timeZone: string): MoveOverride {
  const start = DateTime.fromISO(`${target.date}T${target.time}`, { zone: timeZone }).toJSDate();
  return {
    start,
    end: new Date(start.getTime() + target.durationMinutes * 60_000),
    chefId: target.chefId,
  };
}

/** The event as the server says it is after a reschedule. */
export const withAnswer = (event: CalendarEvent, result: RescheduledBooking): CalendarEvent => ({
  ...event,
  version: result.version,
  date: result.date,
  time: result.time,
  durationMinutes: result.durationMinutes,
  startsAt: result.startsAt,
  endsAt: result.endsAt,
  chef: { id: result.chef.id, name: result.chef.name },
});

/** Where the event is now, as a move back there would ask for it. */
export const currentTarget = (event: CalendarEvent): MoveTarget => ({
  date: event.date,
  time: event.time,
  durationMinutes: event.durationMinutes,
  chefId: event.chef.id,
});

/** Plain words for a refused move, from the API's error. */
export function explainRefusal(error: unknown): string {
  if (!(error instanceof ApiError)) return 'The move did not go through. Please try again.';
  if (error.details?.reason === 'STALE_VERSION')
    return 'Someone else moved this booking a moment ago: reloaded.';
  const field = error.status === 400 ? Object.values(error.details ?? {})[0] : undefined;
  return Array.isArray(field) && typeof field[0] === 'string' ? field[0] : error.message;
}

/** What the toast says once the server took a move. */
export function describeMove(
  event: CalendarEvent,
  result: RescheduledBooking,
  isUndo: boolean,
): string {
  const when = `${formatLocalDate(result.date, { weekday: 'short', month: 'short', day: 'numeric' })}, ${formatTime(result.time)}`;
  if (isUndo) return `${event.reference} is back at ${when}.`;
  return result.moved
    ? `${event.reference} moved to ${when} with ${result.chef.name}.`
    : `${event.reference} did not change.`;
}
