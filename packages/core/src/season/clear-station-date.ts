import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { requireStationInScope } from '../stations/station-in-scope';
import { localDate } from './station-dates-admin';

/** `DELETE /api/admin/stations/SLUG/dates/DATE`: the date keeps the station's usual hours again. */
export async function clearStationDate(
  options: StaffRequest & { slug: string; date: string },
): Promise<{ deleted: boolean }> {
  assertCan(options.scope, 'stations.settings');
  const date = localDate(options.date);
  const stationId = await requireStationInScope(options.scope, options.slug);
  return inTransaction(async (tx) => {
    const { count } = await tx.stationDate.deleteMany({ where: { stationId, date } });
    if (count > 0)
      await writeStaffAudit(tx, options, {
        stationId,
        entityType: 'Station',
        entityId: stationId,
        action: 'station.date_cleared',
        before: { date: options.date },
      });
    return { deleted: count > 0 };
  });
}
