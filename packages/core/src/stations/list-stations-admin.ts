import { assertCan, type StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { type StationAdminRow } from './station-settings.schema';
import { listStationAdminRows } from './station-lifecycle';

/** `GET /api/admin/stations` (super admin): every station, open or closed, by name. */
export async function listStationsAdmin(options: {
  scope: StaffScope;
}): Promise<StationAdminRow[]> {
  assertCan(options.scope, 'stations.manage');
  return listStationAdminRows(getDb());
}
