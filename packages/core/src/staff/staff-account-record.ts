import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { writeStaffAudit } from '../audit/write-audit';
import { requireRecord } from '../auth/require-in-scope';
import type { StaffScope } from '../auth/staff-scope';
import type { Tx } from '../db/transaction';
import { AppError } from '../errors/app-error';
import type { Prisma, StaffUser } from '../generated/prisma/client';
import { createPasswordToken, passwordHashDigest, setPasswordUrl } from '../links/password-link';
import { enqueueEmail } from '../notifications/enqueue-email';
import { fieldError } from '../validation';
import type { StaffAccountRow, StaffWithLink } from './staff.schema';

/** What the staff use cases read of an account: the row and its station's address and name. */
export const WITH_STATION = {
  station: { select: { slug: true, name: true } },
  chef: { select: { id: true, name: true } },
} as const;
export type AccountWithStation = StaffUser & {
  station: { slug: string; name: string } | null;
  chef?: { id: string; name: string } | null;
};

/** Who changes an account, for its audit row. */
export type AccountChangeBy = { scope: StaffScope; requestId?: string };

/** An argon2id hash of 32 random bytes: no one knows a password for it. */
export async function unusablePasswordHash(): Promise<string> {
  return hash(randomBytes(32).toString('base64'));
}

/** The link for this account as it is now, and its e-mail in the outbox (without the link). */
export async function withLink(
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
export async function assertAnotherSuperAdmin(tx: Tx, leaving: string): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "StaffUser" WHERE role = 'SUPER_ADMIN' AND active ORDER BY id FOR UPDATE`;
  if (!admins.some((admin) => admin.id !== leaving))
    throw new AppError('CONFLICT', 'This is the last active super admin: appoint another first.', {
      details: {
        reason: 'LAST_SUPER_ADMIN',
      },
    });
}

/** The account, locked FOR UPDATE until the transaction ends (404 when there is none). */
export function requireLockedAccount(tx: Tx, accountId: string): Promise<AccountWithStation> {
  return requireRecord('account', accountId, async (id) => {
    await tx.$queryRaw`SELECT id FROM "StaffUser" WHERE id = ${id}::uuid FOR UPDATE`;
    return tx.staffUser.findUnique({ where: { id }, include: WITH_STATION });
  });
}

export async function stationIdFor(tx: Tx, slug: string | undefined): Promise<string | null> {
  if (!slug) return null;
  const station = await tx.station.findUnique({ where: { slug }, select: { id: true } });
  if (!station) throw fieldError('station', 'No such station');
  return station.id;
}

/** The chef a CHEF account is: one of its station's chefs, not linked to another account. */
export async function chefIdFor(
  tx: Tx,
  chefId: string | undefined,
  stationId: string | null,
  accountId?: string,
): Promise<string> {
  if (!chefId) throw fieldError('chef', 'Choose the chef this account is');
  const chef = await tx.chef.findUnique({ where: { id: chefId }, include: { account: true } });
  if (!chef || chef.stationId !== stationId)
    throw fieldError('chef', 'Choose a chef of this station');
  if (chef.account && chef.account.id !== accountId)
    throw fieldError('chef', `${chef.name} has an account already`);
  return chef.id;
}

export function describe(account: AccountWithStation) {
  return {
    name: account.name,
    role: account.role,
    station: account.station?.slug ?? null,
  };
}

export async function audit(
  tx: Tx,
  options: AccountChangeBy,
  account: StaffUser,
  action: string,
  before?: Prisma.InputJsonValue,
  after?: Prisma.InputJsonValue,
): Promise<void> {
  await writeStaffAudit(tx, options, {
    stationId: account.stationId ?? undefined,
    entityType: 'StaffUser',
    entityId: account.id,
    action,
    before,
    after,
  });
}

export function row(account: AccountWithStation): StaffAccountRow {
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    role: account.role,
    station: account.station,
    chef: account.chef ?? null,
    active: account.active,
    lockedUntil:
      account.lockedUntil && account.lockedUntil > new Date()
        ? account.lockedUntil.toISOString()
        : null,
    passwordSet: account.passwordSetAt !== null,
    lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
  };
}
