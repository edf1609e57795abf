import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { requireStationInScope } from './station-in-scope';
import { type TStationMenu } from '../menu/menu.schema';
import { menuOf } from './station-menu';

/** `GET /api/admin/stations/SLUG/menu`: every item, active or not, with the station version. */
export async function getStationMenu(
  options: StaffRequest & { slug: string },
): Promise<TStationMenu> {
  assertCan(options.scope, 'bookings.view');
  const stationId = await requireStationInScope(options.scope, options.slug);
  return inTransaction((tx) => menuOf(tx, stationId));
}
