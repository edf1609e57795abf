import 'server-only';
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { writeAudit } from '../audit/write-audit';
import { getDb } from '../db/client';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { consumeRateLimit, resetRateLimit } from '../rate-limit/rate-limiter';
import { parseInput } from '../validation';
import type { StaffRole } from './permissions';
import { ZSignInInput } from './sign-in.schema';

/** Wrong passwords in a row that lock an account, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 30;

/** One message for every refusal, so it never tells whether an account exists or is locked. */
export const SIGN_IN_REFUSED = 'E-mail or password is wrong, or the account is locked for a while.';

export type AuthenticatedStaff = {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  stationId: string | null;
  sessionVersion: number;
};

/** A hash to verify against when the e-mail is unknown, so that costs the same argon2 time. */
let unknownAccountHash: Promise<string> | undefined;
const hashForUnknownAccount = () =>
  (unknownAccountHash ??= hash(randomBytes(24).toString('base64')));

/**
 * Checks a staff sign-in: rate limits per client address and per e-mail, argon2id
 * verification (also for unknown e-mails, against a throwaway hash), and the lockout
 * (LOCK_AFTER_FAILURES wrong passwords lock the account for LOCK_MINUTES; while locked even
 * the right password is refused). Every outcome is audited, never the password. `now` is
 * injectable so tests need not wait for a lock to end.
 */
export async function authenticateStaff(options: {
  input: unknown;
  clientIp: string;
  now?: Date;
  requestId?: string;
}): Promise<AuthenticatedStaff> {
  const input = parseInput(ZSignInInput, options.input);
  await consumeRateLimit('login', `ip:${options.clientIp}`);
  await consumeRateLimit('loginAccount', `email:${input.email}`);
  const now = options.now ?? new Date();
  const db = getDb();

  const found = await db.staffUser.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true },
  });
  const passwordMatches = await verify(
    found?.passwordHash ?? (await hashForUnknownAccount()),
    input.password,
  ).catch(() => false);
  const audit = {
    actorType: 'SYSTEM',
    entityType: 'StaffUser',
    requestId: options.requestId,
  } as const;

  if (!found) {
    // The same shape of work as a known account's refusal: one transaction, one audit row.
    await inTransaction((tx) =>
      writeAudit(tx, {
        ...audit,
        entityId: 'unknown',
        action: 'staff.sign_in_failed',
        after: { reason: 'UNKNOWN_ACCOUNT' },
      }),
    );
    throw signInRefusedError();
  }

  // Decided under a row lock, so concurrent attempts count exactly and cannot race the lock.
  const outcome = await inTransaction(async (tx) => {
    const [user] = await tx.$queryRaw<
      (AuthenticatedStaff & {
        active: boolean;
        failedLoginCount: number;
        lockedUntil: Date | null;
      })[]
    >`SELECT id, email, name, role::text AS role, "stationId", "sessionVersion", active,
             "failedLoginCount", "lockedUntil"
        FROM "StaffUser" WHERE id = ${found.id}::uuid FOR UPDATE`;
    if (!user) return { ok: false as const };
    const entry = {
      ...audit,
      actorId: user.id,
      entityId: user.id,
      stationId: user.stationId ?? undefined,
    };
    const locked = user.lockedUntil !== null && user.lockedUntil > now;
    if (!user.active || locked) {
      await writeAudit(tx, {
        ...entry,
        action: 'staff.sign_in_refused',
        after: { reason: locked ? 'LOCKED' : 'INACTIVE' },
      });
      return { ok: false as const };
    }
    if (!passwordMatches) {
      // A lock that has run out starts the count again.
      const failures = (user.lockedUntil === null ? user.failedLoginCount : 0) + 1;
      const lockedUntil =
        failures >= LOCK_AFTER_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
      await tx.staffUser.update({
        where: { id: user.id },
        data: { failedLoginCount: failures, lockedUntil },
      });
      await writeAudit(tx, {
        ...entry,
        action: 'staff.sign_in_failed',
        after: { reason: 'WRONG_PASSWORD', failedLoginCount: failures },
      });
      if (lockedUntil)
        await writeAudit(tx, {
          ...entry,
          action: 'staff.locked',
          after: { lockedUntil: lockedUntil.toISOString(), failedLoginCount: failures },
        });
      return { ok: false as const };
    }
    await tx.staffUser.update({
      where: { id: user.id },
      data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
    });
    await writeAudit(tx, { ...entry, actorType: 'STAFF', action: 'staff.signed_in' });
    const { active: _active, failedLoginCount: _count, lockedUntil: _until, ...staff } = user;
    return { ok: true as const, staff };
  });
  if (!outcome.ok) throw signInRefusedError();
  // The per-account budget is for guessing: the owner signing in clears it.
  await resetRateLimit('loginAccount', `email:${input.email}`);
  return outcome.staff;
}

function signInRefusedError(): AppError {
  return new AppError('UNAUTHENTICATED', SIGN_IN_REFUSED);
}
