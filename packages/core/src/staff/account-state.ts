import { assertCan, type StaffScope } from '../auth/staff-scope';
import { inTransaction, type Tx } from '../db/transaction';
import type { Prisma } from '../generated/prisma/client';
import {
  audit,
  requireLockedAccount,
  row,
  WITH_STATION,
  type AccountWithStation,
} from './staff-account-record';
import type { StaffAccountRow } from './staff.schema';

export type AccountAction = { scope: StaffScope; accountId: string; requestId?: string };

/**
 * One change to an account, under its row lock: nothing written when it is so already, a
 * check that may refuse, the update, and its audit row.
 */
export async function changeAccount(
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
