import type Stripe from 'stripe';
import { writeAudit } from '../audit/write-audit';
import { AppError } from '../errors/app-error';
import { enqueueEmail } from '../notifications/enqueue-email';
import { netPaidCents } from '../money/net-paid';
import { owedRefund } from '../money/process-owed-refund';
import type { Tx } from '../db/transaction';
import { takesBalancePayments } from '../money/balance';

export type BalanceOutcome = 'BALANCE_PAID' | 'ALREADY_RECORDED' | 'REFUND_OWED';

/**
 * A paid balance checkout, in the webhook's transaction under the booking's lock: the card
 * payment succeeds with its price part and gratuity. The price beyond what is still due goes
 * back (the gratuity stays); the whole charge goes back when the balance was already paid in
 * full (a second tab), the booking was cancelled meanwhile, or the charge is not the one we
 * asked for.
 */
export async function applyBalancePaid(
  tx: Tx,
  session: Stripe.Checkout.Session & { amount_total: number },
  bookingId: string,
  requestId?: string,
): Promise<{ outcome: BalanceOutcome; paymentId: string }> {
  await tx.$queryRaw`SELECT id FROM "Booking" WHERE id = ${bookingId}::uuid FOR UPDATE`;
  const booking = await tx.booking.findUniqueOrThrow({
    where: { id: bookingId },
    include: { customer: true, payments: true },
  });
  const payment = booking.payments.find((row) => row.providerRef === session.id);
  if (!payment)
    throw new AppError(
      'CONFLICT',
      'Payment for a checkout that is not recorded yet; deliver it again later.',
      { details: { reason: 'OUT_OF_ORDER' } },
    );
  if (payment.status !== 'PENDING' && payment.status !== 'FAILED')
    return { outcome: 'ALREADY_RECORDED', paymentId: payment.id };

  const paymentIntent =
    typeof session.payment_intent === 'string'
      ? session.payment_intent
      : (session.payment_intent?.id ?? null);
  // The charge as it came: normally exactly our two lines.
  const gratuityCents = Math.min(payment.gratuityCents, session.amount_total);
  const amountCents = session.amount_total - gratuityCents;
  const stillDue = Math.max(
    0,
    booking.totalCents - netPaidCents(booking.payments.filter((row) => row.id !== payment.id)),
  );
  const wrongCurrency =
    typeof session.currency === 'string' && session.currency.toUpperCase() !== booking.currency;
  // The balance was paid in full since this page opened: the whole charge was a second one.
  const duplicate = amountCents > 0 && stillDue === 0;
  const refusedWhole =
    wrongCurrency ||
    duplicate ||
    !takesBalancePayments(booking) ||
    session.amount_total !== payment.amountCents + payment.gratuityCents;
  const priceBack = refusedWhole ? amountCents : Math.max(0, amountCents - stillDue);
  const gratuityBack = refusedWhole ? gratuityCents : 0;
  const reason = wrongCurrency
    ? `The payment was in ${String(session.currency).toUpperCase()}, not the booking's ${booking.currency}.`
    : !takesBalancePayments(booking)
      ? `The booking was already ${booking.status.toLowerCase().replace('_', ' ')}.`
      : duplicate
        ? 'The balance had already been paid, so this second payment goes back in full.'
        : refusedWhole
          ? 'The amount charged was not the amount asked for.'
          : priceBack > 0
            ? 'The balance had already been paid in part; the difference goes back.'
            : undefined;

  await tx.payment.update({
    where: { id: payment.id },
    data: {
      status: 'SUCCEEDED',
      amountCents,
      gratuityCents,
      providerPaymentIntent: paymentIntent,
      ...(priceBack > 0 ? owedRefund(priceBack) : {}),
      gratuityRefundRequestedCents: gratuityBack,
    },
  });
  await tx.booking.update({ where: { id: booking.id }, data: { version: { increment: 1 } } });
  await writeAudit(tx, {
    actorType: 'SYSTEM',
    stationId: booking.stationId,
    entityType: 'Payment',
    entityId: payment.id,
    action: priceBack + gratuityBack > 0 ? 'payment.refund_owed' : 'payment.balance_paid',
    after: {
      bookingId: booking.id,
      amountCents,
      gratuityCents,
      providerRef: session.id,
      ...(reason ? { refundCents: priceBack + gratuityBack, reason } : {}),
    },
    requestId,
  });
  await enqueueEmail(tx, {
    kind: 'BALANCE_RECEIVED',
    recipient: booking.customer.email,
    subject: `Payment received for ${booking.reference}`,
    payload: {
      amountCents,
      gratuityCents,
      refundCents: priceBack + gratuityBack,
      refundGratuityCents: gratuityBack,
      ...(reason ? { reason } : {}),
      ...(wrongCurrency ? { currency: String(session.currency).toUpperCase() } : {}),
    },
    bookingId: booking.id,
    stationId: booking.stationId,
  });
  return {
    outcome: priceBack + gratuityBack > 0 ? 'REFUND_OWED' : 'BALANCE_PAID',
    paymentId: payment.id,
  };
}
