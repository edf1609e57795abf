import { assertCan, type StaffRequest, type StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
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
  unusablePasswordHash,
  withLink,
  WITH_STATION,
} from './staff-account-record';
import {
  ZCreateStaff,
  ZUpdateStaff,
  type StaffAccountRow,
  type StaffWithLink,
} from './staff.schema';

/** `GET /api/admin/staff`: every account, super admins first, then by station and name. */
export async function listStaff(options: { scope: StaffScope }): Promise<StaffAccountRow[]> {
  assertCan(options.scope, 'staff.manage');
  const accounts = await getDb().staffUser.findMany({
    include: WITH_STATION,
    orderBy: [{ role: 'asc' }, { station: { name: 'asc' } }, { name: 'asc' }, { id: 'asc' }],
  });
  return accounts.map(row);
}

/**
 * `POST /api/admin/staff`: a new account with no usable password and a one-time
 * set-password link (24 h), answered once to the super admin and queued as an e-mail.
 */
export async function createStaff(
  options: StaffRequest & { input: unknown; now?: Date },
): Promise<StaffWithLink> {
  assertCan(options.scope, 'staff.manage');
  const input = parseInput(ZCreateStaff, options.input);
  const passwordHash = await unusablePasswordHash();
  return inTransaction(async (tx) => {
    const stationId = await stationIdFor(tx, input.station);
    const chefId = input.role === 'CHEF' ? await chefIdFor(tx, input.chef, stationId) : null;
    const taken = await tx.staffUser.findUnique({ where: { email: input.email } });
    if (taken) throw fieldError('email', 'An account with this e-mail exists already');
    const account = await tx.staffUser.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        stationId,
        chefId,
        passwordHash,
      },
      include: WITH_STATION,
    });
    await audit(tx, options, account, 'staff.created', undefined, describe(account));
    return withLink(tx, account, 'Your Hibachi at Home staff account', options.now);
  });
}

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
