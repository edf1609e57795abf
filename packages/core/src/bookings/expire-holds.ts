import type { Prisma } from '../generated/prisma/client';
import { getDb } from '../db/client';

type Tx = Pick<Prisma.TransactionClient, '$queryRaw'>;

/**
 * Moves lapsed PENDING_PAYMENT holds to EXPIRED (freeing their chefs), with an audit row
 * each, in one statement. Runs lazily inside booking creation and from a periodic sweep;
 * safe to run on several instances at once.
 */
export async function expireHolds(options: { stationId?: string; tx?: Tx } = {}): Promise<number> {
  const db = options.tx ?? getDb();
  const rows = await db.$queryRaw<{ count: number }[]>`
    WITH expired AS (
      UPDATE "Booking"
         SET status = 'EXPIRED', version = version + 1, "updatedAt" = now()
       WHERE status = 'PENDING_PAYMENT'
         AND "holdExpiresAt" <= now()
         AND (${options.stationId ?? null}::uuid IS NULL OR "stationId" = ${options.stationId ?? null}::uuid)
      RETURNING id, "stationId"
    ), audited AS (
      INSERT INTO "AuditLog" ("actorType", "stationId", "entityType", "entityId", action, before, after)
      SELECT 'SYSTEM', "stationId", 'Booking', id::text, 'booking.hold_expired',
             '{"status":"PENDING_PAYMENT"}'::jsonb, '{"status":"EXPIRED"}'::jsonb
        FROM expired
      RETURNING 1
    )
    SELECT count(*)::int AS count FROM audited`;
  return rows[0]?.count ?? 0;
}
