import { writeAudit } from '../audit/write-audit';
import type { Prisma } from '../generated/prisma/client';
import type { Tx } from '../db/transaction';

/**
 * Records that `refundedCents` in total went back for a payment, from either the
 * provider's webhook or our own refund call. Re-reads the row under a lock and only
 * ever moves the amount up, so both arriving (in any order) converge.
 */
export async function recordRefunded(
  tx: Tx,
  options: {
    paymentId: string;
    refundedCents: number;
    detail?: Prisma.InputJsonObject;
    requestId?: string;
  },
): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Payment" WHERE id = ${options.paymentId}::uuid FOR UPDATE`;
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: options.paymentId } });
  const refundedCents = Math.min(
    payment.amountCents,
    Math.max(payment.refundedCents, options.refundedCents),
  );
  if (refundedCents === payment.refundedCents && payment.lastRefundError === null) return;
  await tx.payment.update({
    where: { id: payment.id },
    data: {
      refundedCents,
      refundRequestedCents: Math.max(payment.refundRequestedCents, refundedCents),
      status:
        refundedCents >= payment.amountCents
          ? 'REFUNDED'
          : refundedCents > 0
            ? 'PARTIALLY_REFUNDED'
            : payment.status,
      lastRefundError: null,
      refundAttempts: 0,
      nextRefundAttemptAt: null,
    },
  });
  await writeAudit(tx, {
    actorType: 'SYSTEM',
    stationId: payment.stationId,
    entityType: 'Payment',
    entityId: payment.id,
    action: 'payment.refunded',
    before: { refundedCents: payment.refundedCents },
    after: { refundedCents, ...options.detail },
    requestId: options.requestId,
  });
}
