import { z } from 'zod';
import { ZCustomerProof } from '../bookings/customer-booking.schema';
import { requireCustomerBooking } from '../bookings/require-customer-booking';
import { createManageToken } from '../links/booking-link';
import { getDb } from '../db/client';
import { getServerEnv } from '../env';
import { proposalState } from '../bookings/proposal-state';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation';
import { getPaymentProvider } from '../money/get-payment-provider';

export const ZStartCheckoutInput = z.strictObject({
  reference: z.string().min(1).max(20),
  token: z.string().min(10).max(200),
});

/**
 * POST /api/payments/checkout: opens the provider's payment page for a held booking's
 * deposit. The provider call comes first; only a created session is recorded (a
 * PENDING card payment), so a provider failure leaves nothing behind.
 */
export async function startDepositCheckout(options: {
  input: unknown;
}): Promise<{ url: string; provider: 'stripe' | 'simulator' }> {
  const input = parseInput(ZStartCheckoutInput, options.input);
  const proof = parseInput(ZCustomerProof, { token: input.token });
  const booking = await requireCustomerBooking(input.reference, proof);
  if (booking.status === 'CONFIRMED')
    throw new AppError('CONFLICT', 'This booking is already confirmed; no deposit is due.', {
      details: {
        reason: 'ALREADY_PAID',
      },
    });
  if (
    booking.status !== 'PENDING_PAYMENT' ||
    !booking.holdExpiresAt ||
    booking.holdExpiresAt <= new Date()
  ) {
    throw new AppError(
      'CONFLICT',
      'The hold on this time has expired. Please choose a time again.',
      { details: { reason: 'HOLD_EXPIRED' } },
    );
  }
  if (proposalState(booking).needsAcceptance && booking.source === 'STAFF')
    throw new AppError(
      'CONFLICT',
      'Please review the proposal and accept the terms first: your link opens it.',
      { details: { reason: 'TERMS_NOT_ACCEPTED' } },
    );
  const provider = getPaymentProvider();
  const base = getServerEnv().PUBLIC_CUSTOMER_URL.replace(/\/$/, '');
  const token = createManageToken(booking.reference, booking.endsAt);
  const query = `token=${encodeURIComponent(token)}`;
  const attempt = await getDb().payment.count({ where: { bookingId: booking.id, method: 'CARD' } });
  const session = await provider.createCheckout({
    bookingId: booking.id,
    reference: booking.reference,
    amountCents: booking.depositCents,
    currency: booking.currency.toLowerCase(),
    description: `Deposit for hibachi booking ${booking.reference} (${booking.station.name})`,
    customerEmail: booking.customer.email,
    expiresAt: booking.holdExpiresAt,
    successUrl: `${base}/pay/${booking.reference}/return?${query}`,
    cancelUrl: `${base}/pay/${booking.reference}?${query}`,
    idempotencyKey: `deposit:${booking.id}:${attempt}`,
  });
  await getDb().payment.create({
    data: {
      bookingId: booking.id,
      stationId: booking.stationId,
      amountCents: booking.depositCents,
      method: 'CARD',
      status: 'PENDING',
      providerRef: session.sessionId,
    },
  });
  return {
    url: provider.name === 'simulator' ? `${session.url}&${query}` : session.url,
    provider: provider.name,
  };
}
