import { writeAudit } from '../audit/write-audit';
import { inTransaction } from '../db/transaction';
import type { StaffScope } from './staff-scope';

/** Ends every session of the caller on every device: their next request with any old cookie is refused. */
export async function signOutEverywhere(options: {
  scope: StaffScope;
  requestId?: string;
}): Promise<void> {
  await inTransaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: options.scope.staffId },
      data: { sessionVersion: { increment: 1 } },
    });
    await writeAudit(tx, {
      actorType: 'STAFF',
      actorId: options.scope.staffId,
      stationId: options.scope.stationId ?? undefined,
      entityType: 'StaffUser',
      entityId: options.scope.staffId,
      action: 'staff.signed_out_everywhere',
      requestId: options.requestId,
    });
  });
}
