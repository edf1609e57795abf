import { assertCan, type StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { requireStationInScope } from './station-in-scope';
import { type ChefRow } from './chef.schema';
import { HOLDS_CHEF } from './chef-record';

/** `GET /api/admin/stations/SLUG/chefs`: every chef of the station, active first, by name. */
export async function listChefs(options: { scope: StaffScope; slug: string }): Promise<ChefRow[]> {
  assertCan(options.scope, 'chefs.manage');
  const stationId = await requireStationInScope(options.scope, options.slug);
  return getDb().$queryRaw<ChefRow[]>`
    SELECT c.id, c.name, c.color, c.active,
           (SELECT count(*)::int FROM "Booking" b WHERE b."chefId" = c.id AND ${HOLDS_CHEF}) AS "futureBookings"
      FROM "Chef" c
     WHERE c."stationId" = ${stationId}::uuid
     ORDER BY c.active DESC, c.name, c.id`;
}
