import type { StaffAccountRow } from './staff.schema';
import { type AccountAction, changeAccount } from './account-state';

/** `POST /api/admin/staff/ID/unlock`: clears a lock from too many wrong passwords. */
export function unlockStaff(options: AccountAction): Promise<StaffAccountRow> {
  return changeAccount(options, {
    action: 'staff.unlocked',
    data: { failedLoginCount: 0, lockedUntil: null },
  });
}
