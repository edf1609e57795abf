import { assertCan, type StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { row, WITH_STATION } from './staff-account-record';
import { type StaffAccountRow } from './staff.schema';

/** `GET /api/admin/staff`: every account, super admins first, then by station and name. */
export async function listStaff(options: { scope: StaffScope }): Promise<StaffAccountRow[]> {
  assertCan(options.scope, 'staff.manage');
  const accounts = await getDb().staffUser.findMany({
    include: WITH_STATION,
    orderBy: [{ role: 'asc' }, { station: { name: 'asc' } }, { name: 'asc' }, { id: 'asc' }],
  });
  return accounts.map(row);
}
