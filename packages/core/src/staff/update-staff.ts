import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { fieldError, parseInput } from '../validation';
import {
  assertAnotherSuperAdmin,
  audit,
  describe,
  requireLockedAccount,
  row,
  stationIdFor,
  chefIdFor,
  WITH_STATION,
} from './staff-account-record';
import { ZUpdateStaff, type StaffAccountRow } from './staff.schema';

/**
 * `PATCH /api/admin/staff/ID`: name, role and/or station. A new role or station ends the
 * account's sessions (they carry both). The last active super admin cannot be demoted.
 */
export async function updateStaff(
  options: StaffRequest & { accountId: string; input: unknown },
): Promise<StaffAccountRow> {
  assertCan(options.scope, 'staff.manage');
  const input = parseInput(ZUpdateStaff, options.input);
  return inTransaction(async (tx) => {
    const account = await requireLockedAccount(tx, options.accountId);
    const role = input.role ?? account.role;
    if (input.role === undefined && input.station !== undefined && role === 'SUPER_ADMIN')
      throw fieldError('station', 'A super admin works at no station');
    if (input.role === undefined && input.station === undefined && input.name === undefined)
      throw fieldError('role', 'Change the name, the role or the station');
    const stationId =
      role === 'SUPER_ADMIN'
        ? null
        : input.station !== undefined
          ? await stationIdFor(tx, input.station)
          : account.stationId;
    if (role !== 'SUPER_ADMIN' && !stationId)
      throw fieldError('station', 'Choose the station this account works at');
    if (account.role === 'SUPER_ADMIN' && role !== 'SUPER_ADMIN')
      await assertAnotherSuperAdmin(tx, account.id);
    const chefId =
      role !== 'CHEF'
        ? null
        : input.chef !== undefined || stationId !== account.stationId || !account.chefId
          ? await chefIdFor(tx, input.chef, stationId, account.id)
          : account.chefId;
    const moved =
      role !== account.role || stationId !== account.stationId || chefId !== account.chefId;
    const updated = await tx.staffUser.update({
      where: { id: account.id },
      data: {
        name: input.name ?? account.name,
        role,
        stationId,
        chefId,
        ...(moved ? { sessionVersion: { increment: 1 } } : {}),
      },
      include: WITH_STATION,
    });
    await audit(tx, options, account, 'staff.updated', describe(account), describe(updated));
    return row(updated);
  });
}
