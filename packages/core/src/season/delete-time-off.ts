import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { auditSpan, requireTimeOffEntry } from './time-off';

/** `DELETE /api/admin/time-off/ID`: the chef is available again then. */
export async function deleteTimeOff(
  options: StaffRequest & { timeOffId: string },
): Promise<{ deleted: true }> {
  assertCan(options.scope, 'chefs.timeOff');
  return inTransaction(async (tx) => {
    const existing = await requireTimeOffEntry(tx, options.scope, options.timeOffId);
    await tx.chefTimeOff.delete({ where: { id: existing.id } });
    await writeStaffAudit(tx, options, {
      stationId: existing.stationId,
      entityType: 'Chef',
      entityId: existing.chefId,
      action: 'chef.time_off_removed',
      before: { timeOffId: existing.id, ...auditSpan(existing), note: existing.note },
    });
    return { deleted: true as const };
  });
}
