import { assertCan, type StaffRequest, type StaffScope } from '../auth/staff-scope';
import { inTransaction, type Tx } from '../db/transaction';
import type { Prisma } from '../generated/prisma/client';
import {
  assertAnotherSuperAdmin,
  audit,
  requireLockedAccount,
  row,
  unusablePasswordHash,
  withLink,
  WITH_STATION,
  type AccountWithStation,
} from './staff-account-record';
import type { StaffAccountRow, StaffWithLink } from './staff.schema';

type AccountAction = { scope: StaffScope; accountId: string; requestId?: string };

/**
 * One change to an account, under its row lock: nothing written when it is so already, a
 * check that may refuse, the update, and its audit row.
 */
async function changeAccount(
  options: AccountAction,
  change: {
    action: string;
    alreadyDone?: (account: AccountWithStation) => boolean;
    check?: (tx: Tx, account: AccountWithStation) => Promise<void>;
    data: Prisma.StaffUserUpdateInput;
  },
): Promise<StaffAccountRow> {
  assertCan(options.scope, 'staff.manage');
  return inTransaction(async (tx) => {
    const account = await requireLockedAccount(tx, options.accountId);
    if (change.alreadyDone?.(account)) return row(account);
    await change.check?.(tx, account);
    const updated = await tx.staffUser.update({
      where: { id: account.id },
      data: change.data,
      include: WITH_STATION,
    });
    await audit(tx, options, account, change.action);
    return row(updated);
  });
}

/** `POST /api/admin/staff/ID/deactivate`: out at their next request; not the last super admin. */
export function deactivateStaff(options: AccountAction): Promise<StaffAccountRow> {
  return changeAccount(options, {
    action: 'staff.deactivated',
    alreadyDone: (account) => !account.active,
    check: async (tx, account) => {
      if (account.role === 'SUPER_ADMIN') await assertAnotherSuperAdmin(tx, account.id);
    },
    data: { active: false, sessionVersion: { increment: 1 } },
  });
}

/** `POST /api/admin/staff/ID/activate`: the account may sign in again. */
export function activateStaff(options: AccountAction): Promise<StaffAccountRow> {
  return changeAccount(options, {
    action: 'staff.activated',
    alreadyDone: (account) => account.active,
    data: { active: true },
  });
}

/** `POST /api/admin/staff/ID/unlock`: clears a lock from too many wrong passwords. */
export function unlockStaff(options: AccountAction): Promise<StaffAccountRow> {
  return changeAccount(options, {
    action: 'staff.unlocked',
    data: { failedLoginCount: 0, lockedUntil: null },
  });
}

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
