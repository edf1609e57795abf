import { requireActiveStation } from '../stations/require-active-station';
import { addDays, todayInTimeZone } from '../time';
import { parseInput } from '../validation';
import { ZAvailabilityDaysQuery, type TAvailabilityDays } from './availability.schema';
import { findOpenStarts } from './count-free-chefs';
import { cachedAvailability } from './availability-cache';
import { bookableStartTimes, gridStartTimes } from './start-times';
import { assertDateInRange } from './get-availability';

/** GET /api/availability/days: how many start times are open on each day (for the date picker). */
export async function getAvailabilityDays(options: {
  query: unknown;
  now?: Date;
}): Promise<TAvailabilityDays> {
  const now = options.now ?? new Date();
  const query = parseInput(ZAvailabilityDaysQuery, options.query);
  const station = await requireActiveStation(query.station);
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
