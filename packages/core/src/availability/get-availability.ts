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
import { cachedAvailability } from './availability-cache';
import { bookableStartTimes, gridStartTimes } from './start-times';

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
  // The day's whole grid and its counts are cached together (time-zone conversion is not
  // free); the notice is applied per request.
  const windowMinutes = query.duration + station.bufferMinutes;
  const { grid, free } = await cachedAvailability(
    station.id,
    `day:${query.date}:${windowMinutes}:${station.version}`,
    async () => {
      const starts = gridStartTimes(station, query.date);
      // One statement: the free chefs and the date's rule (closed, or other hours) per start.
      const { ruled, ...counts } = await countFreeChefs({
        stationId: station.id,
        timezone: station.timezone,
        starts: starts.map((start) => start.startsAt),
        windowMinutes,
      });
      return { grid: starts.filter((start) => !ruled.has(start.startsAt.getTime())), ...counts };
    },
  );
  return {
    date: query.date,
    timezone: station.timezone,
    durationMinutes: query.duration,
    slots: bookableStartTimes(grid, station, now).map((start) => ({
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
  const windowMinutes = query.duration + station.bufferMinutes;
  const { grids, open } = await cachedAvailability(
    station.id,
    `days:${query.from}:${query.days}:${windowMinutes}:${station.version}`,
    async () => {
      const dates = Array.from({ length: query.days }, (_, index) => addDays(query.from, index));
      const days = dates.map((date) => ({ date, starts: gridStartTimes(station, date) }));
      const { ruled, ...openStarts } = await findOpenStarts({
        stationId: station.id,
        timezone: station.timezone,
        starts: days.flatMap((day) => day.starts.map((start) => start.startsAt)),
        windowMinutes,
      });
      // A date's rule takes its starts away: all of them when it is closed.
      const grids = days.map((day) => ({
        date: day.date,
        closed:
          day.starts.length > 0 &&
          day.starts.every((start) => ruled.get(start.startsAt.getTime()) === 'closed'),
        starts: day.starts.filter((start) => !ruled.has(start.startsAt.getTime())),
      }));
      return { grids, ...openStarts };
    },
  );
  return {
    timezone: station.timezone,
    days: grids.map((day) => {
      const bookable = bookableStartTimes(day.starts, station, now);
      const openSlots = bookable.filter((start) => open.has(start.startsAt.getTime())).length;
      // An open day's grid has start times; none left means the notice has passed them all.
      const status = day.closed
        ? 'CLOSED'
        : bookable.length === 0
          ? 'TOO_SOON'
          : openSlots === 0
            ? 'FULL'
            : 'OPEN';
      return { date: day.date, openSlots, status };
    }),
  };
}

export function assertDateInRange(date: string, today: string, field: string): void {
  if (date < today) throw fieldError(field, 'Choose a date from today on');
  if (date > addDays(today, MAX_DAYS_AHEAD))
    throw fieldError(field, 'We take bookings up to a year ahead');
}
