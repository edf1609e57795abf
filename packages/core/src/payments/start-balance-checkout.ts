import { randomUUID } from 'node:crypto';
import { requireCustomerBooking } from '../bookings/require-customer-booking';
import { createManageToken } from '../links/booking-link';
import { getDb } from '../db/client';
import { getServerEnv } from '../env';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation';
import { getPaymentProvider } from '../money/get-payment-provider';
import { formatMoney } from '../money/format-money';
import { balanceOf, takesBalancePayments } from '../money/balance';
import { gratuityCents, maxGratuityCents } from '../money/gratuity';
import {
  ZBalanceCheckout,
  ZBalanceCheckoutInput,
  type TBalanceCheckout,
} from './balance-checkout.schema';

/** A balance page stays open an hour (Stripe's Checkout allows 30 minutes to a day). */
const BALANCE_CHECKOUT_MS = 60 * 60_000;
/** The smallest charge card networks accept through Stripe, per currency (minor units). */
const MINIMUM_CHARGE: Record<string, number> = { GBP: 30 };
const DEFAULT_MINIMUM_CHARGE = 50;

/**
 * `POST /api/bookings/REF/balance-checkout`: opens the provider's payment page for the balance
 * (all of it, or a part where the station allows) and an optional gratuity, charged as two
 * lines of one payment. Nothing is charged here: the webhook records the payment once, and
 * refuses then what would pay more than is due (a second tab paid the same balance).
 */
export async function startBalanceCheckout(options: {
  reference: string;
  input: unknown;
}): Promise<TBalanceCheckout> {
  const input = parseInput(ZBalanceCheckoutInput, options.input);
  const proof = 'email' in input ? { email: input.email } : { token: input.token };
  const booking = await requireCustomerBooking(options.reference, proof);
  if (!takesBalancePayments(booking))
    throw new AppError(
      'CONFLICT',
      booking.status === 'PENDING_PAYMENT'
        ? 'Pay the deposit first: it confirms the booking.'
        : `Nothing can be paid on a ${booking.status.toLowerCase().replace('_', ' ')} booking.`,
      { details: { reason: 'BAD_STATE' } },
    );
  const money = { currency: booking.currency, locale: booking.station.locale };
  const { dueCents, foodCents } = balanceOf(booking);
  const amountCents = input.amountCents ?? dueCents;
  if (amountCents > dueCents)
    throw new AppError(
      'CONFLICT',
      dueCents === 0
        ? 'The balance is already paid.'
        : `That is more than the balance of ${formatMoney(dueCents, money)}.`,
      { details: { reason: 'OVERPAYMENT', outstandingCents: dueCents } },
    );
  if (amountCents < dueCents && !booking.station.allowPartialBalance)
    throw new AppError(
      'VALIDATION_FAILED',
      `Pay the whole balance of ${formatMoney(dueCents, money)} at once.`,
      {
        details: {
          amountCents: [`Pay the whole balance of ${formatMoney(dueCents, money)} at once`],
        },
      },
    );
  const gratuity = gratuityCents(input.gratuity, foodCents);
  if (gratuity > maxGratuityCents(foodCents))
    throw new AppError('VALIDATION_FAILED', 'That gratuity is more than the food itself.', {
      details: {
        'gratuity.amountCents': [
          `Enter at most ${formatMoney(maxGratuityCents(foodCents), money)}`,
        ],
      },
    });
  const chargeCents = amountCents + gratuity;
  if (chargeCents === 0)
    throw new AppError('CONFLICT', 'Nothing is due on this booking.', {
      details: { reason: 'NOTHING_DUE' },
    });
  const minimum = MINIMUM_CHARGE[booking.currency] ?? DEFAULT_MINIMUM_CHARGE;
  if (chargeCents < minimum)
    throw new AppError(
      'VALIDATION_FAILED',
      `Card payments start at ${formatMoney(minimum, money)}.`,
      { details: { amountCents: [`Pay at least ${formatMoney(minimum, money)}`] } },
    );

  const provider = getPaymentProvider();
  const base = getServerEnv().PUBLIC_CUSTOMER_URL.replace(/\/$/, '');
  const token = createManageToken(booking.reference, booking.endsAt);
  const query = `token=${encodeURIComponent(token)}`;
  const manage = `${base}/manage/${booking.reference}?${query}`;
  const session = await provider.createCheckout({
    bookingId: booking.id,
    reference: booking.reference,
    purpose: 'BALANCE',
    amountCents,
    description: `Balance for hibachi booking ${booking.reference} (${booking.station.name})`,
    ...(gratuity > 0
      ? { gratuity: { amountCents: gratuity, description: 'Gratuity for your chef' } }
      : {}),
    currency: booking.currency.toLowerCase(),
    customerEmail: booking.customer.email,
    expiresAt: new Date(Date.now() + BALANCE_CHECKOUT_MS),
    successUrl: `${manage}&paid=balance#balance`,
    cancelUrl: `${manage}#balance`,
    // Each press opens its own page; the webhook, not the key, keeps the balance paid once.
    idempotencyKey: `balance:${booking.id}:${randomUUID()}`,
  });
  await getDb().payment.create({
    data: {
      bookingId: booking.id,
      stationId: booking.stationId,
      amountCents,
      gratuityCents: gratuity,
      purpose: 'BALANCE',
      method: 'CARD',
      status: 'PENDING',
      providerRef: session.sessionId,
    },
  });
  return ZBalanceCheckout.parse({
    url: provider.name === 'simulator' ? `${session.url}&${query}` : session.url,
    provider: provider.name,
    amountCents,
    gratuityCents: gratuity,
    currency: booking.currency,
  });
}
