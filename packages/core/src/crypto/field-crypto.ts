import 'server-only';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { EnvError, getServerEnv } from '../env';
import { KeyRingError, parseKeyRing, type KeyRing } from './key-ring';
import { blindIndexWith, openDeepWith, openWith, sealUnder, type BlindIndexKind } from './sealing';

export {
  isSealed,
  SEALED_PREFIX,
  SealedValueError,
  sealedKeyId,
  sealUnder,
  type BlindIndexKind,
} from './sealing';

/**
 * Customer data at rest (decision 021), with the keys of this process's environment: the one
 * module the app seals and opens through. Writes seal with it, and every read of the database
 * client opens sealed values on the way out (db/opening-sealed-values.ts).
 */
let ring: { source: string; keys: KeyRing } | undefined;

function keyRing(): KeyRing {
  const source = getServerEnv().DATA_ENCRYPTION_KEYS;
  if (ring?.source !== source) {
    try {
      ring = { source, keys: parseKeyRing(source) };
    } catch (error) {
      if (error instanceof KeyRingError)
        throw new EnvError([{ variable: 'DATA_ENCRYPTION_KEYS', message: error.message }]);
      throw error;
    }
  }
  return ring.keys;
}

/** The id new values are sealed under. */
export function currentKeyId(): string {
  return keyRing().current.id;
}

/** Seals a text under the current key (a new IV each time: equal texts look unrelated). */
export function seal(text: string): string {
  return sealUnder(keyRing().current, text);
}

export function sealOptional(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : seal(text);
}

/** The text of a sealed value (plain text from before encryption passes as it is). */
export function open(value: string): string {
  return openWith(keyRing(), value);
}

/** Opens every sealed string inside a query result, in place. */
export function openDeep<T>(value: T): T {
  return openDeepWith(keyRing(), value);
}

let indexKey: { source: string; key: KeyObject } | undefined;

/** The blind index of an e-mail or phone under DATA_INDEX_KEY (imported once, as the data keys). */
export function blindIndex(kind: BlindIndexKind, value: string): string {
  const source = getServerEnv().DATA_INDEX_KEY;
  if (indexKey?.source !== source)
    indexKey = { source, key: createSecretKey(Buffer.from(source, 'utf8')) };
  return blindIndexWith(indexKey.key, kind, value);
}
