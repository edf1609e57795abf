import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { z } from 'zod';
import { writeAudit } from '../audit/write-audit';
import { assertCan, type StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { inTransaction, type Tx } from '../db/transaction';
import { AppError } from '../errors/app-error';
import type { Prisma, StaffUser } from '../generated/prisma/client';
import { enqueueEmail } from '../notifications/enqueue-email';
import { fieldError, parseInput } from '../validation';
import { createPasswordToken, passwordHashDigest, setPasswordUrl } from '../links/password-link';
import {
  ZCreateStaff,
  ZUpdateStaff,
  type StaffAccountRow,
  type StaffWithLink,
} from './staff.schema';

type AccountWithStation = StaffUser & { station: { slug: string; name: string } | null };

/** An argon2id hash of 32 random bytes: no one knows a password for it. */
export async function unusablePasswordHash(): Promise<string> {
  return hash(randomBytes(32).toString('base64'));
}

/** `GET /api/admin/staff`: every account, super admins first, then by station and name. */
export async function listStaff(options: { scope: StaffScope }): Promise<StaffAccountRow[]> {
  assertCan(options.scope, 'staff.manage');
  const accounts = await getDb().staffUser.findMany({
    include: { station: { select: { slug: true, name: true } } },
    orderBy: [{ role: 'asc' }, { station: { name: 'asc' } }, { name: 'asc' }, { id: 'asc' }],
  });
  return accounts.map(row);
}

/**
 * `POST /api/admin/staff`: a new account with no usable password and a one-time
 * set-password link (24 h), answered once to the super admin and queued as an e-mail.
 */
export async function createStaff(options: {
  scope: StaffScope;
  input: unknown;
  requestId?: string;
  now?: Date;
}): Promise<StaffWithLink> {
  assertCan(options.scope, 'staff.manage');
  const input = parseInput(ZCreateStaff, options.input);
  const passwordHash = await unusablePasswordHash();
  return inTransaction(async (tx) => {
    const stationId = await stationIdFor(tx, input.station);
    const taken = await tx.staffUser.findUnique({ where: { email: input.email } });
    if (taken) throw fieldError('email', 'An account with this e-mail exists already');
    const account = await tx.staffUser.create({
      data: { email: input.email, name: input.name, role: input.role, stationId, passwordHash },
      include: { station: { select: { slug: true, name: true } } },
    });
    await audit(tx, options, account, 'staff.created', undefined, describe(account));
    return withLink(tx, account, 'Your Hibachi at Home staff account', options.now);
  });
}

/**
 * `PATCH /api/admin/staff/ID`: name, role and/or station. A new role or station ends the
 * account's sessions (they carry both). The last active super admin cannot be demoted.
 */
export async function updateStaff(options: {
  scope: StaffScope;
  accountId: string;
  input: unknown;
  requestId?: string;
}): Promise<StaffAccountRow> {
  assertCan(options.scope, 'staff.manage');
  const input = parseInput(ZUpdateStaff, options.input);
  return inTransaction(async (tx) => {
    const account = await lockAccount(tx, options.accountId);
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
    const moved = role !== account.role || stationId !== account.stationId;
    const updated = await tx.staffUser.update({
      where: { id: account.id },
      data: {
        name: input.name ?? account.name,
        role,
        stationId,
        ...(moved ? { sessionVersion: { increment: 1 } } : {}),
      },
      include: { station: { select: { slug: true, name: true } } },
    });
    await audit(tx, options, account, 'staff.updated', describe(account), describe(updated));
    return row(updated);
  });
}

/** `POST /api/admin/staff/ID/deactivate`: out at their next request; not the last super admin. */
export async function deactivateStaff(options: {
  scope: StaffScope;
  accountId: string;
  requestId?: string;
}): Promise<StaffAccountRow> {
  assertCan(options.scope, 'staff.manage');
  return inTransaction(async (tx) => {
    const account = await lockAccount(tx, options.accountId);
    if (!account.active) return row(account);
    if (account.role === 'SUPER_ADMIN') await assertAnotherSuperAdmin(tx, account.id);
    const updated = await tx.staffUser.update({
      where: { id: account.id },
      data: { active: false, sessionVersion: { increment: 1 } },
      include: { station: { select: { slug: true, name: true } } },
    });
    await audit(tx, options, account, 'staff.deactivated');
    return row(updated);
  });
}

/** `POST /api/admin/staff/ID/activate`: the account may sign in again. */
export async function activateStaff(options: {
  scope: StaffScope;
  accountId: string;
  requestId?: string;
}): Promise<StaffAccountRow> {
  assertCan(options.scope, 'staff.manage');
  return inTransaction(async (tx) => {
    const account = await lockAccount(tx, options.accountId);
    if (account.active) return row(account);
    const updated = await tx.staffUser.update({
      where: { id: account.id },
      data: { active: true },
      include: { station: { select: { slug: true, name: true } } },
    });
    await audit(tx, options, account, 'staff.activated');
    return row(updated);
  });
}

/** `POST /api/admin/staff/ID/unlock`: clears a lock from too many wrong passwords. */
export async function unlockStaff(options: {
  scope: StaffScope;
  accountId: string;
  requestId?: string;
}): Promise<StaffAccountRow> {
  assertCan(options.scope, 'staff.manage');
  return inTransaction(async (tx) => {
    const account = await lockAccount(tx, options.accountId);
    const updated = await tx.staffUser.update({
      where: { id: account.id },
      data: { failedLoginCount: 0, lockedUntil: null },
      include: { station: { select: { slug: true, name: true } } },
    });
    await audit(tx, options, account, 'staff.unlocked');
    return row(updated);
  });
}

/**
 * `POST /api/admin/staff/ID/reset-password`: the old password stops working and every
 * session ends; a new one-time link goes to the owner (and is answered once).
 */
export async function resetStaffPassword(options: {
  scope: StaffScope;
  accountId: string;
  requestId?: string;
  now?: Date;
}): Promise<StaffWithLink> {
  assertCan(options.scope, 'staff.manage');
  const passwordHash = await unusablePasswordHash();
  return inTransaction(async (tx) => {
    const account = await lockAccount(tx, options.accountId);
    const updated = await tx.staffUser.update({
      where: { id: account.id },
      data: {
        passwordHash,
        passwordSetAt: null,
        failedLoginCount: 0,
        lockedUntil: null,
        sessionVersion: { increment: 1 },
      },
      include: { station: { select: { slug: true, name: true } } },
    });
    await audit(tx, options, account, 'staff.password_reset');
    return withLink(tx, updated, 'Set a new password for Hibachi at Home', options.now);
  });
}

/** The link for this account as it is now, and its e-mail in the outbox (without the link). */
async function withLink(
  tx: Tx,
  account: AccountWithStation,
  subject: string,
  now?: Date,
): Promise<StaffWithLink> {
  const { token, expiresAt } = createPasswordToken(account, now);
  await enqueueEmail(tx, {
    kind: 'STAFF_SET_PASSWORD',
    recipient: account.email,
    subject,
    // The link is signed again at delivery from the account; it is never stored.
    payload: {
      accountId: account.id,
      expiresAt: expiresAt.toISOString(),
      hashDigest: passwordHashDigest(account),
    },
  });
  return {
    account: row(account),
    setPasswordUrl: setPasswordUrl(token),
    expiresAt: expiresAt.toISOString(),
  };
}

/** Locks every active super admin row in id order and refuses if `leaving` is the only one. */
async function assertAnotherSuperAdmin(tx: Tx, leaving: string): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "StaffUser" WHERE role = 'SUPER_ADMIN' AND active ORDER BY id FOR UPDATE`;
  if (!admins.some((admin) => admin.id !== leaving))
    throw new AppError('CONFLICT', 'This is the last active super admin: appoint another first.', {
      details: {
        reason: 'LAST_SUPER_ADMIN',
      },
    });
}

async function lockAccount(tx: Tx, accountId: string): Promise<AccountWithStation> {
  const found = z.uuid().safeParse(accountId).success
    ? await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "StaffUser" WHERE id = ${accountId}::uuid FOR UPDATE`
    : [];
  if (found.length === 0) throw new AppError('NOT_FOUND', 'No such account.');
  return tx.staffUser.findUniqueOrThrow({
    where: { id: accountId },
    include: { station: { select: { slug: true, name: true } } },
  });
}

async function stationIdFor(tx: Tx, slug: string | undefined): Promise<string | null> {
  if (!slug) return null;
  const station = await tx.station.findUnique({ where: { slug }, select: { id: true } });
  if (!station) throw fieldError('station', 'No such station');
  return station.id;
}

function describe(account: AccountWithStation) {
  return {
    name: account.name,
    role: account.role,
    station: account.station?.slug ?? null,
  };
}

async function audit(
  tx: Tx,
  options: { scope: StaffScope; requestId?: string },
  account: StaffUser,
  action: string,
  before?: Prisma.InputJsonValue,
  after?: Prisma.InputJsonValue,
): Promise<void> {
  await writeAudit(tx, {
    actorType: 'STAFF',
    actorId: options.scope.staffId,
    stationId: account.stationId ?? undefined,
    entityType: 'StaffUser',
    entityId: account.id,
    action,
    before,
    after,
    requestId: options.requestId,
  });
}

function row(account: AccountWithStation): StaffAccountRow {
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    role: account.role,
    station: account.station,
    active: account.active,
    lockedUntil:
      account.lockedUntil && account.lockedUntil > new Date()
        ? account.lockedUntil.toISOString()
        : null,
    passwordSet: account.passwordSetAt !== null,
    lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
  };
}
