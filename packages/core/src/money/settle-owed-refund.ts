import { writeStaffAudit } from '../audit/write-audit';
import { requireInScope } from '../auth/require-in-scope';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation';
import {
  refundSettledBy,
  ZSettledRefund,
  ZSettleRefundInput,
  type TSettledRefund,
} from './refund-settler';

/**
 * A person says they gave an owed refund back (terminal, cash or check): what was owed becomes
 * refunded, audited with who and their note. Refunds the provider sends are not settled by
 * hand (a second refund could follow); nothing owed answers 409.
 */
export async function settleOwedRefund(
  options: StaffRequest & { paymentId: string; input: unknown },
): Promise<TSettledRefund> {
  assertCan(options.scope, 'refunds.settle');
  const input = parseInput(ZSettleRefundInput, options.input);
  return inTransaction(async (tx) => {
    const payment = await requireInScope(
      options.scope,
      'payment',
      options.paymentId,
      async (id) => {
        await tx.$queryRaw`SELECT id FROM "Payment" WHERE id = ${id}::uuid FOR UPDATE`;
        return tx.payment.findUnique({ where: { id } });
      },
    );
    const settledBy = refundSettledBy(payment);
    const owed = payment.refundRequestedCents - payment.refundedCents;
    if (owed <= 0)
      throw new AppError('CONFLICT', 'No refund is owed on this payment.', {
        details: { reason: 'NOTHING_OWED' },
      });
    if (settledBy === 'PROVIDER')
      throw new AppError(
        'CONFLICT',
        'This refund goes back to the card through the payment provider; it is retried until it lands.',
        { details: { reason: 'SENT_BY_PROVIDER' } },
      );
    const refundedCents = payment.refundRequestedCents;
    const status = refundedCents >= payment.amountCents ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    await tx.payment.update({
      where: { id: payment.id },
      data: { refundedCents, status, lastRefundError: null, nextRefundAttemptAt: null },
    });
    await writeStaffAudit(tx, options, {
      stationId: payment.stationId,
      entityType: 'Payment',
      entityId: payment.id,
      action: 'payment.refund_settled',
      before: { refundedCents: payment.refundedCents },
      after: { refundedCents, settledBy, ...(input.note ? { note: input.note } : {}) },
    });
    return ZSettledRefund.parse({
      paymentId: payment.id,
      bookingId: payment.bookingId,
      settledBy,
      settledCents: owed,
      refundedCents,
      status,
    });
  });
}
