import { parseKeyRing } from '@hibachi/core/crypto/key-ring';
import { blindIndexWith, openDeepWith } from '@hibachi/core/crypto/sealing';
import { E2E_DATA_KEYS } from './data-keys';

/** Customer data read straight from the database is sealed: opened with the run's keys. */
const ring = parseKeyRing(E2E_DATA_KEYS.DATA_ENCRYPTION_KEYS);
export const openSealed = <T>(value: T): T => openDeepWith(ring, value);

/** The blind index the app finds an e-mail by. */
export const emailIndex = (email: string): string =>
  blindIndexWith(E2E_DATA_KEYS.DATA_INDEX_KEY, 'email', email);
