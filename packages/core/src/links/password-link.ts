import 'server-only';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { getServerEnv } from '../env';
import { UUID_SOURCE } from '../validation/uuid';

/** How long a set-password link works. */
export const PASSWORD_LINK_HOURS = 24;

type Account = { id: string; passwordHash: string };

/**
 * The HMAC of a set-password link, signed like the customers' manage links but in its own
 * domain. It covers the account's current password hash, so the link works once: setting a
 * password (or a new reset) changes the hash and every earlier link stops working.
 */
function sign(account: Account, expiresAtSeconds: number): string {
  const hashDigest = passwordHashDigest(account);
  return createHmac('sha256', getServerEnv().BOOKING_TOKEN_SECRET)
    .update(`staff-password.${account.id}.${expiresAtSeconds}.${hashDigest}`)
    .digest('base64url');
}

/**
 * A digest of the account's current password hash: which password (or reset) a link belongs
 * to, so a queued e-mail can tell whether its link still works without storing the link.
 */
export function passwordHashDigest(account: Pick<Account, 'passwordHash'>): string {
  return createHash('sha256').update(account.passwordHash).digest('base64url');
}

/** `<account id>.<expiry seconds>.<signature>`, valid for PASSWORD_LINK_HOURS from `now`. */
export function createPasswordToken(
  account: Account,
  now = new Date(),
): { token: string; expiresAt: Date } {
  const expiresAtSeconds = Math.floor(now.getTime() / 1000) + PASSWORD_LINK_HOURS * 3600;
  return {
    token: passwordToken(account, expiresAtSeconds),
    expiresAt: new Date(expiresAtSeconds * 1000),
  };
}

export function passwordToken(account: Account, expiresAtSeconds: number): string {
  return `${account.id}.${expiresAtSeconds}.${sign(account, expiresAtSeconds)}`;
}

const TOKEN_PATTERN = new RegExp(`^(${UUID_SOURCE})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})$`);

/** The account id and expiry a token names, if it is shaped like one (not yet verified). */
export function readPasswordToken(
  token: string,
): { accountId: string; expiresAtSeconds: number; signature: string } | undefined {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return undefined;
  const [, accountId = '', expiresAt = '', signature = ''] = match;
  return { accountId, expiresAtSeconds: Number(expiresAt), signature };
}

export function verifyPasswordToken(account: Account, token: string, now = new Date()): boolean {
  const parsed = readPasswordToken(token);
  if (!parsed || parsed.accountId !== account.id) return false;
  if (parsed.expiresAtSeconds * 1000 < now.getTime()) return false;
  const expected = Buffer.from(sign(account, parsed.expiresAtSeconds));
  const actual = Buffer.from(parsed.signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function setPasswordUrl(token: string): string {
  return new URL(
    `/set-password?token=${encodeURIComponent(token)}`,
    getServerEnv().PUBLIC_ADMIN_URL,
  ).href;
}
