import 'server-only';
import { writeAudit } from '../audit/write-audit';
import { getDb } from '../db/client';
import { inTransaction } from '../db/transaction';
import { eraseConversations, eraseInTransaction } from './customer-data';

/**
 * The daily retention pass: a customer none of whose events is younger than their station's
 * `retentionYears` (every station they booked with keeping data for a limited time) is erased
 * like on request, by the system; so is a conversation untouched that long. Batched, so one
 * run stays short; the next day takes the rest.
 */
export async function anonymiseLapsedCustomers(
  options: { now?: Date; limit?: number } = {},
): Promise<{ customers: number; conversations: number }> {
  const now = options.now ?? new Date();
  const db = getDb();
  const limited = await db.station.count({ where: { retentionYears: { not: null } } });
  if (limited === 0) return { customers: 0, conversations: 0 };
  const lapsed = await db.$queryRaw<{ id: string; stationId: string }[]>`
    SELECT c.id, (SELECT b."stationId" FROM "Booking" b WHERE b."customerId" = c.id LIMIT 1) AS "stationId"
      FROM "Customer" c
     WHERE c."erasedAt" IS NULL
       AND EXISTS (SELECT 1 FROM "Booking" b WHERE b."customerId" = c.id)
       AND NOT EXISTS (
         SELECT 1 FROM "Booking" b JOIN "Station" s ON s.id = b."stationId"
          WHERE b."customerId" = c.id
            AND (s."retentionYears" IS NULL
                 OR b."eventDate" > (${now}::timestamptz - make_interval(years => s."retentionYears"))::date))
     LIMIT ${options.limit ?? 200}`;
  let customers = 0;
  for (const customer of lapsed) {
    await inTransaction((tx) =>
      eraseInTransaction(tx, customer.id, now, (entry) =>
        writeAudit(tx, { ...entry, actorType: 'SYSTEM', stationId: customer.stationId }),
      ),
    );
    customers += 1;
  }
  const stale = await db.$queryRaw<{ id: string }[]>`
    SELECT cv.id FROM "Conversation" cv JOIN "Station" s ON s.id = cv."stationId"
     WHERE s."retentionYears" IS NOT NULL AND cv."customerEmailHash" IS NOT NULL
       AND cv."lastMessageAt" < ${now}::timestamptz - make_interval(years => s."retentionYears")
     LIMIT ${options.limit ?? 200}`;
  if (stale.length > 0)
    await inTransaction((tx) =>
      eraseConversations(
        tx,
        stale.map((row) => row.id),
      ),
    );
  return { customers, conversations: stale.length };
}
