import { writeStaffAudit } from '../audit/write-audit';
import { inTransaction } from '../db/transaction';
import type { StaffRequest } from './staff-scope';

/** Ends every session of the caller on every device: their next request with any old cookie is refused. */
export async function signOutEverywhere(options: StaffRequest): Promise<void> {
  await inTransaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: options.scope.staffId },
      data: { sessionVersion: { increment: 1 } },
    });
    await writeStaffAudit(tx, options, {
      stationId: options.scope.stationId ?? undefined,
      entityType: 'StaffUser',
      entityId: options.scope.staffId,
      action: 'staff.signed_out_everywhere',
    });
  });
}
