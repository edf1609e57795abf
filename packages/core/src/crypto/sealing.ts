import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import type { DataKey, KeyRing } from './key-ring';

/**
 * The sealing itself, with the keys passed in (decision 021): AES-256-GCM, a random 96-bit
 * IV per value, the key id stored with it and authenticated:
 * `enc:v1:<key id>:<base64url(iv ‖ ciphertext ‖ tag)>`. The app uses it through
 * field-crypto.ts (keys from the environment); test runners outside Next use it directly
 * with the run's keys. (No `server-only` here for them; a client bundle importing it would
 * fail to build on node:crypto.)
 */
export const SEALED_PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SealedValueError extends Error {
  override name = 'SealedValueError';
}

export function sealUnder({ id, key }: DataKey, text: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  // The key id is authenticated too: a value cannot be passed off as another key's.
  cipher.setAAD(Buffer.from(id));
  const body = Buffer.concat([
    iv,
    cipher.update(text, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return `${SEALED_PREFIX}${id}:${body.toString('base64url')}`;
}

export function isSealed(value: string): boolean {
  return value.startsWith(SEALED_PREFIX);
}

/** The key id of a sealed value (undefined for plain text, written before encryption). */
export function sealedKeyId(value: string): string | undefined {
  if (!isSealed(value)) return undefined;
  const end = value.indexOf(':', SEALED_PREFIX.length);
  return end < 0 ? undefined : value.slice(SEALED_PREFIX.length, end);
}

/**
 * The text of a sealed value; plain text (rows from before encryption, until the migration
 * pass reaches them) is returned as it is. A value under an unknown key, or altered, throws.
 */
export function openWith(ring: KeyRing, value: string): string {
  if (!isSealed(value)) return value;
  const id = sealedKeyId(value);
  const key = id === undefined ? undefined : ring.byId.get(id);
  if (!key || id === undefined)
    throw new SealedValueError(
      `a value is sealed under key ${id ?? '?'}, not in DATA_ENCRYPTION_KEYS`,
    );
  const body = Buffer.from(value.slice(SEALED_PREFIX.length + id.length + 1), 'base64url');
  if (body.length < IV_BYTES + TAG_BYTES) throw new SealedValueError('a sealed value is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key.key, body.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(id));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new SealedValueError('a sealed value failed its integrity check');
  }
}

/**
 * Opens every sealed string inside a query result, in place: rows, included relations, JSON
 * built in SQL. Dates, numbers, buffers and the like are left alone.
 */
export function openDeepWith<T>(ring: KeyRing, value: T): T {
  if (typeof value === 'string') return (isSealed(value) ? openWith(ring, value) : value) as T;
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    for (let index = 0; index < items.length; index += 1)
      items[index] = openDeepWith(ring, items[index]);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return value;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const field = record[key];
      if (typeof field === 'string' ? isSealed(field) : field !== null && typeof field === 'object')
        record[key] = openDeepWith(ring, field);
    }
  }
  return value;
}

/** What a blind index is of: an e-mail, a phone, or a client address (kept only as this hash). */
export type BlindIndexKind = 'email' | 'phone' | 'clientAddress';

/** E-mails compare lower-cased and trimmed; phones by their digits (a leading + kept). */
export function normalizeForIndex(kind: BlindIndexKind, value: string): string {
  if (kind === 'email' || kind === 'clientAddress') return value.trim().toLowerCase();
  const trimmed = value.trim();
  return `${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

/**
 * The blind index of an e-mail or phone: a keyed HMAC of its normalised form, so equal values
 * can be found and kept unique without the plaintext, and without the key nothing can be
 * guessed from it. Not rotated with the data keys: rotating the index key means re-indexing.
 */
export function blindIndexWith(
  indexKey: string | KeyObject,
  kind: BlindIndexKind,
  value: string,
): string {
  return createHmac('sha256', indexKey)
    .update(`${kind}:${normalizeForIndex(kind, value)}`)
    .digest('base64url');
}
