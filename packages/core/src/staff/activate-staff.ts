import type { StaffAccountRow } from './staff.schema';
import { type AccountAction, changeAccount } from './account-state';

/** `POST /api/admin/staff/ID/activate`: the account may sign in again. */
export function activateStaff(options: AccountAction): Promise<StaffAccountRow> {
  return changeAccount(options, {
    action: 'staff.activated',
    alreadyDone: (account) => account.active,
    data: { active: true },
  });
}
