import { assertAnotherSuperAdmin } from './staff-account-record';
import type { StaffAccountRow } from './staff.schema';
import { type AccountAction, changeAccount } from './account-state';

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
