import { requireActiveStation } from '../stations/require-active-station';
import { addDays, todayInTimeZone } from '../time';
import { fieldError, parseInput } from '../validation';
import { ZAvailabilityQuery, type TAvailability } from './availability.schema';
import { countFreeChefs } from './count-free-chefs';
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
  const station = await requireActiveStation(query.station);
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

export function assertDateInRange(date: string, today: string, field: string): void {
  if (date < today) throw fieldError(field, 'Choose a date from today on');
  if (date > addDays(today, MAX_DAYS_AHEAD))
    throw fieldError(field, 'We take bookings up to a year ahead');
}
