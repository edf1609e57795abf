import { assertCan, type StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { requireStationInScope } from '../stations/station-in-scope';
import { addDays, localToInstant, toDbDate, toLocalDate } from '../time';
import { parseInput } from '../validation';
import { ZSeasonQuery, type Season } from './season.schema';
import { toRule } from './station-dates-admin';
import { timeOffBetween } from './time-off';

/**
 * `GET /api/admin/stations/SLUG/season?from&to`: the station's time off, weekly days off and
 * date rules for a range of local dates, for the calendar's blocks and the settings page.
 */
export async function getSeason(options: {
  scope: StaffScope;
  slug: string;
  query: unknown;
}): Promise<Season> {
  assertCan(options.scope, 'bookings.view');
  // The station first: another station's answers 404 whatever the query.
  const stationId = await requireStationInScope(options.scope, options.slug);
  const query = parseInput(ZSeasonQuery, options.query);
  const db = getDb();
  const station = await db.station.findUniqueOrThrow({
    where: { id: stationId },
    select: { timezone: true },
  });
  const from =
    localToInstant({ date: query.from, time: '00:00' }, station.timezone) ??
    new Date(`${query.from}T00:00:00Z`);
  const until =
    localToInstant({ date: addDays(query.to, 1), time: '00:00' }, station.timezone) ??
    new Date(`${addDays(query.to, 1)}T00:00:00Z`);
  const [chefs, timeOff, weekly, dates] = await Promise.all([
    db.chef.findMany({
      where: { stationId },
      select: { id: true, name: true, color: true, active: true },
      orderBy: [{ active: 'desc' }, { name: 'asc' }, { id: 'asc' }],
    }),
    timeOffBetween(stationId, from, until, station.timezone),
    db.chefWeeklyOff.findMany({
      where: { stationId },
      include: { chef: { select: { name: true } } },
      orderBy: [{ chefId: 'asc' }, { weekday: 'asc' }],
    }),
    db.stationDate.findMany({
      where: {
        stationId,
        date: { gte: toDbDate(query.from), lte: toDbDate(query.to) },
      },
      orderBy: { date: 'asc' },
    }),
  ]);
  return {
    chefs,
    timeOff,
    weeklyOff: weekly.map((row) => ({
      chefId: row.chefId,
      chef: row.chef.name,
      weekday: row.weekday,
      note: row.note,
    })),
    dates: dates.map((row) => toRule(toLocalDate(row.date), row)),
  };
}
