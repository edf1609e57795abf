import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { requireActiveStation } from '../stations/require-active-station';
import { requireStationInScope } from '../stations/station-in-scope';
import { todayInTimeZone } from '../time';
import { parseInput } from '../validation';
import { ZAvailabilityQuery, type TStaffAvailability } from './availability.schema';
import { listFreeChefs } from './count-free-chefs';
import { assertDateInRange } from './get-availability';
import { earliestBookableStart, gridStartTimes } from './start-times';

/**
 * GET /api/admin/availability: a day of the caller's station for a phone order. Every start
 * on the station's grid from now on (staff may book inside the minimum notice; each start
 * says whether it is also open online), with the chefs free for the whole window. Read
 * live, not cached: staff choose a chef from it.
 */
export async function getStaffAvailability(
  options: StaffRequest & { query: unknown; now?: Date },
): Promise<TStaffAvailability> {
  assertCan(options.scope, 'bookings.create');
  const now = options.now ?? new Date();
  const query = parseInput(ZAvailabilityQuery, options.query);
  const stationId = await requireStationInScope(options.scope, query.station);
  const station = await requireActiveStation(query.station);
  assertDateInRange(query.date, todayInTimeZone(station.timezone, now), 'date');
  const starts = gridStartTimes(station, query.date).filter((start) => start.startsAt > now);
  const [{ free, ruled }, chefs] = await Promise.all([
    listFreeChefs({
      stationId,
      timezone: station.timezone,
      starts: starts.map((start) => start.startsAt),
      windowMinutes: query.duration + station.bufferMinutes,
    }),
    getDb().chef.findMany({
      where: { stationId, active: true },
      select: { id: true, name: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const online = earliestBookableStart(station, now).getTime();
  return {
    date: query.date,
    timezone: station.timezone,
    durationMinutes: query.duration,
    chefs,
    slots: starts
      .filter((start) => !ruled.has(start.startsAt.getTime()))
      .map((start) => {
        const freeChefIds = free.get(start.startsAt.getTime()) ?? [];
        return {
          time: start.time,
          startsAt: start.startsAt.toISOString(),
          available: freeChefIds.length,
          online: start.startsAt.getTime() >= online,
          freeChefIds,
        };
      }),
  };
}
