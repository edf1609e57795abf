import type { PrismaClient } from '../generated/prisma/client';
import { openDeep } from '../crypto/field-crypto';

/**
 * The database client every caller gets: each operation's result (model queries with their
 * included relations, and raw queries) comes back with its sealed values opened, so no code
 * outside field-crypto.ts ever handles ciphertext. Results are not re-typed: only strings
 * change, from sealed to plain.
 */
export function openingSealedValues(client: PrismaClient): PrismaClient {
  return client.$extends({
    name: 'open-sealed-values',
    query: {
      async $allOperations({ args, query }) {
        const result: unknown = await query(args);
        return openDeep(result);
      },
    },
  }) as unknown as PrismaClient;
}
