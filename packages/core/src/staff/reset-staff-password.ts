import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import {
  audit,
  requireLockedAccount,
  unusablePasswordHash,
  withLink,
  WITH_STATION,
} from './staff-account-record';
import type { StaffWithLink } from './staff.schema';

/**
 * `POST /api/admin/staff/ID/reset-password`: the old password stops working and every
 * session ends; a new one-time link goes to the owner (and is answered once).
 */
export async function resetStaffPassword(
  options: StaffRequest & { accountId: string; now?: Date },
): Promise<StaffWithLink> {
  assertCan(options.scope, 'staff.manage');
  const passwordHash = await unusablePasswordHash();
  return inTransaction(async (tx) => {
    const account = await requireLockedAccount(tx, options.accountId);
    const updated = await tx.staffUser.update({
      where: { id: account.id },
      data: {
        passwordHash,
        passwordSetAt: null,
        failedLoginCount: 0,
        lockedUntil: null,
        sessionVersion: { increment: 1 },
      },
      include: WITH_STATION,
    });
    await audit(tx, options, account, 'staff.password_reset');
    return withLink(tx, updated, 'Set a new password for Hibachi at Home', options.now);
  });
}
