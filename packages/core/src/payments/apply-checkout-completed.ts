import type Stripe from 'stripe';
import { chefIsFree } from '../scheduling/chef-is-free.sql';
import { writeAudit } from '../audit/write-audit';
import { Prisma } from '../generated/prisma/client';
import { confirmBooking } from '../bookings/confirm-booking';
import { enqueueEmail } from '../notifications/enqueue-email';
import { owedRefund } from '../money/process-owed-refund';
import type { Tx } from '../db/transaction';
import { applyBalancePaid, type BalanceOutcome } from './apply-balance-paid';

export type CheckoutOutcome =
  'CONFIRMED' | 'ALREADY_CONFIRMED' | 'REFUND_OWED' | 'IGNORED' | BalanceOutcome;

/**
 * A paid checkout. The deposit (below): record the card payment and confirm the booking, in the webhook's
 * transaction. A hold that lapsed is confirmed only if a chef is still free (the
 * exclusion constraint has the last word); otherwise, or when the booking was
 * cancelled meanwhile or already paid, the money is marked as owed back.
 */
export async function applyCheckoutCompleted(
  tx: Tx,
  session: Stripe.Checkout.Session,
  requestId?: string,
): Promise<{ outcome: CheckoutOutcome; paymentId?: string }> {
  const bookingId = session.metadata?.bookingId;
  if (!bookingId || session.payment_status !== 'paid' || !session.amount_total)
    return { outcome: 'IGNORED' };
  // The balance (and a gratuity) after the deposit: its own rules.
  if (session.metadata?.purpose === 'BALANCE')
    return applyBalancePaid(
      tx,
      { ...session, amount_total: session.amount_total },
      bookingId,
      requestId,
    );
  const [locked] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Booking" WHERE id = ${bookingId}::uuid FOR UPDATE`;
  if (!locked) return { outcome: 'IGNORED' };
  const booking = await tx.booking.findUniqueOrThrow({
    where: { id: bookingId },
    include: { customer: true, station: true, payments: true },
  });

  const paymentIntent =
    typeof session.payment_intent === 'string'
      ? session.payment_intent
      : (session.payment_intent?.id ?? null);
  const payment = await tx.payment.upsert({
    where: { providerRef: session.id },
    create: {
      bookingId,
      stationId: booking.stationId,
      amountCents: session.amount_total,
      method: 'CARD',
      status: 'SUCCEEDED',
      providerRef: session.id,
      providerPaymentIntent: paymentIntent,
    },
    update: {
      amountCents: session.amount_total,
      status: 'SUCCEEDED',
      providerPaymentIntent: paymentIntent,
    },
  });
  const alreadyPaid = booking.payments.some(
    (other) =>
      other.id !== payment.id &&
      other.purpose === 'DEPOSIT' &&
      other.method === 'CARD' &&
      other.status === 'SUCCEEDED',
  );
  // Our sessions charge in the booking's currency; money in another one is never counted
  // against it (amounts of two currencies are never added): it goes back.
  const wrongCurrency =
    typeof session.currency === 'string' && session.currency.toUpperCase() !== booking.currency;

  if (!wrongCurrency && booking.status === 'CONFIRMED' && !alreadyPaid)
    return { outcome: 'ALREADY_CONFIRMED', paymentId: payment.id };
  // A held booking is confirmed; a lapsed one only if a chef is still free for its window.
  const lapsedChef =
    booking.status === 'EXPIRED' && !alreadyPaid && !wrongCurrency
      ? await findFreeChef(tx, booking)
      : undefined;
  if (!wrongCurrency && !alreadyPaid && (booking.status === 'PENDING_PAYMENT' || lapsedChef)) {
    await confirmBooking(tx, booking, { depositCents: session.amount_total, chefId: lapsedChef });
    await writeAudit(tx, {
      actorType: 'SYSTEM',
      stationId: booking.stationId,
      entityType: 'Booking',
      entityId: bookingId,
      action: 'booking.confirmed',
      before: { status: booking.status },
      after: { status: 'CONFIRMED', paymentId: payment.id, providerRef: session.id },
      requestId,
    });
    return { outcome: 'CONFIRMED', paymentId: payment.id };
  }

  await tx.payment.update({
    where: { id: payment.id },
    data: owedRefund(payment.amountCents),
  });
  const reason = wrongCurrency
    ? `The payment was in ${String(session.currency).toUpperCase()}, not the booking's ${booking.currency}.`
    : alreadyPaid
      ? 'The deposit was paid twice.'
      : booking.status === 'EXPIRED'
        ? 'The hold expired and the time was taken before payment arrived.'
        : `The booking was already ${booking.status.toLowerCase().replace('_', ' ')}.`;
  await enqueueEmail(tx, {
    kind: 'REFUND_ISSUED',
    recipient: booking.customer.email,
    subject: `Refund for ${booking.reference}`,
    payload: {
      reference: booking.reference,
      amountCents: payment.amountCents,
      reason,
      ...(wrongCurrency ? { currency: String(session.currency).toUpperCase() } : {}),
    },
    bookingId,
    stationId: booking.stationId,
  });
  await writeAudit(tx, {
    actorType: 'SYSTEM',
    stationId: booking.stationId,
    entityType: 'Payment',
    entityId: payment.id,
    action: 'payment.refund_owed',
    after: { amountCents: payment.amountCents, bookingStatus: booking.status, reason },
    requestId,
  });
  return { outcome: 'REFUND_OWED', paymentId: payment.id };
}

/** The booking's own chef if still free for its window, else any free chef of the station. */
async function findFreeChef(
  tx: Tx,
  booking: { chefId: string; stationId: string; startsAt: Date; blockedUntil: Date },
): Promise<string | undefined> {
  const [chef] = await tx.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "Chef" c
     WHERE c."stationId" = ${booking.stationId}::uuid AND c.active
       AND ${chefIsFree(Prisma.sql`${booking.startsAt}::timestamptz`, Prisma.sql`${booking.blockedUntil}::timestamptz`)}
     ORDER BY (c.id = ${booking.chefId}::uuid) DESC, c.name
     LIMIT 1`;
  return chef?.id;
}
