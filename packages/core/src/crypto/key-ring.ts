import { createSecretKey, type KeyObject } from 'node:crypto';

/** A malformed DATA_ENCRYPTION_KEYS (reported as an environment error by field-crypto.ts). */
export class KeyRingError extends Error {
  override name = 'KeyRingError';
}

/** A data key, imported once: a KeyObject saves OpenSSL importing the raw bytes on every value. */
export type DataKey = { id: string; key: KeyObject };
export type KeyRing = { current: DataKey; byId: ReadonlyMap<string, DataKey> };

const ENTRY = /^(\*?)([A-Za-z0-9_-]{1,16}):([A-Za-z0-9+/]{43}=)$/;

/**
 * `DATA_ENCRYPTION_KEYS`: `id:base64` entries (32-byte keys), comma-separated; the current one
 * starts with `*` (a single key is current without it). Every id is stored with the values it
 * sealed, so values under an older key keep opening until they are rotated.
 */
export function parseKeyRing(text: string): KeyRing {
  const invalid = (message: string) => new KeyRingError(message);
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw invalid('must list at least one key');
  const byId = new Map<string, DataKey>();
  const marked: DataKey[] = [];
  for (const entry of entries) {
    const match = ENTRY.exec(entry);
    if (!match)
      throw invalid('entries must be id:base64 of 32 bytes (id: letters, digits, - or _)');
    const [, star, id = '', base64 = ''] = match;
    if (byId.has(id)) throw invalid(`lists the key id ${id} twice`);
    const key = { id, key: createSecretKey(Buffer.from(base64, 'base64')) };
    byId.set(id, key);
    if (star) marked.push(key);
  }
  if (marked.length > 1) throw invalid('marks more than one key current (*)');
  const current = marked[0] ?? (byId.size === 1 ? [...byId.values()][0] : undefined);
  if (!current) throw invalid('must mark the current key with * when it lists several');
  return { current, byId };
}
