import { assertCan, type StaffScope } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { requireStationInScope } from './station-in-scope';
import { type TStationSettingsView } from './station-settings.schema';
import { view, WITH_ZONES } from './station-settings';

/** `GET /api/admin/stations/SLUG/settings`: a manager's own station, any for a super admin. */
export async function getStationSettings(options: {
  scope: StaffScope;
  slug: string;
}): Promise<TStationSettingsView> {
  assertCan(options.scope, 'stations.settings');
  const stationId = await requireStationInScope(options.scope, options.slug);
  return inTransaction(async (tx) => {
    const station = await tx.station.findUniqueOrThrow({
      where: { id: stationId },
      include: WITH_ZONES,
    });
    return view(tx, station);
  });
}
