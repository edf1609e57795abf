import { writeAudit } from '../audit/write-audit';
import type { Payment, Prisma } from '../generated/prisma/client';
import type { Tx } from '../db/transaction';

type ChargeParts = Pick<
  Payment,
  | 'amountCents'
  | 'refundedCents'
  | 'refundRequestedCents'
  | 'gratuityCents'
  | 'gratuityRefundedCents'
  | 'gratuityRefundRequestedCents'
>;

/**
 * A charge can carry a price part and a gratuity; the provider only tells how much of the
 * whole charge went back. That sum is given to what we asked back first (the price, then the
 * gratuity), anything beyond it (a refund made in the provider's dashboard) to the price up
 * to its amount, then to the gratuity. Amounts only ever move up, so redelivered and
 * reordered confirmations converge.
 */
export function splitChargeRefund(
  payment: ChargeParts,
  chargeRefundedCents: number,
): { refundedCents: number; gratuityRefundedCents: number } {
  const priceAsked = Math.min(chargeRefundedCents, payment.refundRequestedCents);
  const gratuityAsked = Math.min(
    chargeRefundedCents - priceAsked,
    payment.gratuityRefundRequestedCents,
  );
  const beyond = chargeRefundedCents - priceAsked - gratuityAsked;
  const priceBeyond = Math.min(beyond, payment.amountCents - priceAsked);
  return {
    refundedCents: Math.max(payment.refundedCents, priceAsked + priceBeyond),
    gratuityRefundedCents: Math.max(
      payment.gratuityRefundedCents,
      Math.min(payment.gratuityCents, gratuityAsked + beyond - priceBeyond),
    ),
  };
}

/**
 * Records that `chargeRefundedCents` of a payment's charge went back in total, from either the
 * provider's webhook or our own refund call. Re-reads the row under a lock first. The status
 * covers the whole charge: REFUNDED once price and gratuity are both back.
 */
export async function recordRefunded(
  tx: Tx,
  options: {
    paymentId: string;
    chargeRefundedCents: number;
    detail?: Prisma.InputJsonObject;
    requestId?: string;
  },
): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Payment" WHERE id = ${options.paymentId}::uuid FOR UPDATE`;
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: options.paymentId } });
  const { refundedCents, gratuityRefundedCents } = splitChargeRefund(
    payment,
    options.chargeRefundedCents,
  );
  if (
    refundedCents === payment.refundedCents &&
    gratuityRefundedCents === payment.gratuityRefundedCents &&
    payment.lastRefundError === null
  )
    return;
  const back = refundedCents + gratuityRefundedCents;
  await tx.payment.update({
    where: { id: payment.id },
    data: {
      refundedCents,
      gratuityRefundedCents,
      refundRequestedCents: Math.max(payment.refundRequestedCents, refundedCents),
      gratuityRefundRequestedCents: Math.max(
        payment.gratuityRefundRequestedCents,
        gratuityRefundedCents,
      ),
      status:
        back > 0 && back >= payment.amountCents + payment.gratuityCents
          ? 'REFUNDED'
          : back > 0
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
    before: {
      refundedCents: payment.refundedCents,
      gratuityRefundedCents: payment.gratuityRefundedCents,
    },
    after: { refundedCents, gratuityRefundedCents, ...options.detail },
    requestId: options.requestId,
  });
}

/** What is owed back on a payment and not sent yet: its price part and its gratuity. */
export function owedOnCharge(payment: ChargeParts): number {
  return (
    payment.refundRequestedCents -
    payment.refundedCents +
    payment.gratuityRefundRequestedCents -
    payment.gratuityRefundedCents
  );
}
