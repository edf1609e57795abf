import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getServerEnv } from '../env';

/** After the event the link keeps working this long (to see the record, not to cancel). */
const VALID_AFTER_EVENT_MS = 30 * 24 * 3_600_000;

function sign(reference: string, expiresAtSeconds: number): string {
  return createHmac('sha256', getServerEnv().BOOKING_TOKEN_SECRET)
    .update(`${reference}.${expiresAtSeconds}`)
    .digest('base64url');
}

/** The signed token in a booking's manage link: `<expiry>.<HMAC(reference.expiry)>`. */
export function createManageToken(reference: string, eventEndsAt: Date): string {
  const expiresAtSeconds = Math.floor((eventEndsAt.getTime() + VALID_AFTER_EVENT_MS) / 1000);
  return `${expiresAtSeconds}.${sign(reference, expiresAtSeconds)}`;
}

export function verifyManageToken(reference: string, token: string, now = new Date()): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return false;
  const expiresAtSeconds = Number(match[1]);
  if (expiresAtSeconds * 1000 < now.getTime()) return false;
  const expected = Buffer.from(sign(reference, expiresAtSeconds));
  const actual = Buffer.from(match[2] ?? '');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function manageUrl(reference: string, token: string): string {
  return `/manage/${reference}?token=${encodeURIComponent(token)}`;
}

export function paymentUrl(reference: string, token: string): string {
  return `/pay/${reference}?token=${encodeURIComponent(token)}`;
}

/** The proposal page a phone order's customer reviews, accepts and pays from. */
export function proposalUrl(reference: string, token: string): string {
  return `/proposal/${reference}?token=${encodeURIComponent(token)}`;
}
