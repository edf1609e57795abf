import { findActiveStation } from '../stations/find-active-station';
import { addDays, todayInTimeZone } from '../time';
import { fieldError, parseInput } from '../validation';
import {
  ZAvailabilityDaysQuery,
  ZAvailabilityQuery,
  type TAvailability,
  type TAvailabilityDays,
} from './availability.schema';
import { countFreeChefs, findOpenStarts } from './count-free-chefs';
import { bookableStartTimes } from './start-times';

const MAX_DAYS_AHEAD = 365;

/** GET /api/availability: each bookable start time with the number of chefs free for the whole window. */
export async function getAvailability(options: {
  query: unknown;
  now?: Date;
}): Promise<TAvailability> {
  const now = options.now ?? new Date();
  const query = parseInput(ZAvailabilityQuery, options.query);
  const station = await findActiveStation(query.station);
  assertDateInRange(query.date, todayInTimeZone(station.timezone, now), 'date');
  const starts = bookableStartTimes(station, query.date, now);
  const free = await countFreeChefs({
    stationId: station.id,
    starts: starts.map((start) => start.startsAt),
    windowMinutes: query.duration + station.bufferMinutes,
  });
  return {
    date: query.date,
    timezone: station.timezone,
    durationMinutes: query.duration,
    slots: starts.map((start) => ({
      time: start.time,
      startsAt: start.startsAt.toISOString(),
      available: free.get(start.startsAt.getTime()) ?? 0,
    })),
  };
}

/** GET /api/availability/days: how many start times are open on each day (for the date picker). */
export async function getAvailabilityDays(options: {
  query: unknown;
  now?: Date;
}): Promise<TAvailabilityDays> {
  const now = options.now ?? new Date();
  const query = parseInput(ZAvailabilityDaysQuery, options.query);
  const station = await findActiveStation(query.station);
  assertDateInRange(query.from, todayInTimeZone(station.timezone, now), 'from');
  const dates = Array.from({ length: query.days }, (_, index) => addDays(query.from, index));
  const startsByDate = dates.map((date) => ({
    date,
    starts: bookableStartTimes(station, date, now),
  }));
  const open = await findOpenStarts({
    stationId: station.id,
    starts: startsByDate.flatMap((day) => day.starts.map((start) => start.startsAt)),
    windowMinutes: query.duration + station.bufferMinutes,
  });
  return {
    timezone: station.timezone,
    days: startsByDate.map((day) => {
      const openSlots = day.starts.filter((start) => open.has(start.startsAt.getTime())).length;
      // Every day's grid has start times; none left means the notice has passed them all.
      const status = day.starts.length === 0 ? 'TOO_SOON' : openSlots === 0 ? 'FULL' : 'OPEN';
      return { date: day.date, openSlots, status };
    }),
  };
}

export function assertDateInRange(date: string, today: string, field: string): void {
  if (date < today) throw fieldError(field, 'Choose a date from today on');
  if (date > addDays(today, MAX_DAYS_AHEAD))
    throw fieldError(field, 'We take bookings up to a year ahead');
}
