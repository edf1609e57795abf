import { getDb } from '../db/client';
import { processOwedRefund, SWEEP_LEASE_MS } from './process-owed-refund';

const SWEEP_BATCH = 10;

/**
 * The sweep: retries the owed refunds that are due. Each is claimed first (its next
 * attempt pushed past the lease, `SKIP LOCKED`), so instances sweeping at the same time
 * never try the same refund; a failure sets the back-off, a success clears the debt.
 */
export async function processAllOwedRefunds(now: Date = new Date()): Promise<number> {
  const due = await getDb().$queryRaw<{ id: string }[]>`
    UPDATE "Payment" SET "nextRefundAttemptAt" = ${new Date(now.getTime() + SWEEP_LEASE_MS)}
     WHERE id IN (
       SELECT id FROM "Payment"
        WHERE ("refundRequestedCents" > "refundedCents"
               OR "gratuityRefundRequestedCents" > "gratuityRefundedCents") AND method = 'CARD'
          AND "providerPaymentIntent" IS NOT NULL
          AND ("nextRefundAttemptAt" IS NULL OR "nextRefundAttemptAt" <= ${now})
        ORDER BY "nextRefundAttemptAt" NULLS FIRST
        LIMIT ${SWEEP_BATCH}
        FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  let refunded = 0;
  for (const { id } of due)
    if ((await processOwedRefund(id, undefined, now)).status === 'REFUNDED') refunded += 1;
  return refunded;
}
