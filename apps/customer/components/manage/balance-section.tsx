'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import type { TCustomerBooking } from '@hibachi/core/bookings/customer-booking.schema';
import type { TBalanceCheckoutInput } from '@hibachi/core/payments/balance-checkout.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import { formatMoney, fromMajorUnits, moneyOf, toMajorUnits } from '@hibachi/web/format';
import { api } from '@/lib/api';

type Proof = { email: string } | { token: string };
const noSubscription = () => () => {};
type Tip = 'none' | `${number}` | 'custom';

/**
 * The balance paid online, with a gratuity for the chef if the customer likes: the offered
 * shares of the food total or an amount, and (where the station allows) a part of the balance.
 * The payment page is the provider's; the booking shows the result when it is back.
 */
export function BalanceSection({ booking, proof }: { booking: TCustomerBooking; proof: Proof }) {
  const money = moneyOf(booking);
  const { dueCents, foodCents, payable, partialAllowed, gratuityPercents } = booking.balance;
  // Back from the payment page (`?paid=balance`): known in the browser only.
  const returned = useSyncExternalStore(
    noSubscription,
    () => new URLSearchParams(window.location.search).get('paid') === 'balance',
    () => false,
  );
  const [tip, setTip] = useState<Tip>('none');
  const [customTip, setCustomTip] = useState('');
  const [amount, setAmount] = useState(toMajorUnits(dueCents, booking.currency));
  const checkout = useMutation({
    mutationFn: (body: TBalanceCheckoutInput) => api.balanceCheckout(booking.reference, body),
    onSuccess: ({ url }) => window.location.assign(url),
  });

  const gratuityCents =
    tip === 'none'
      ? 0
      : tip === 'custom'
        ? fromMajorUnits(customTip, booking.currency)
        : Math.round((foodCents * Number(tip)) / 100);
  const amountCents = partialAllowed ? fromMajorUnits(amount, booking.currency) : dueCents;
  const totalCents =
    (Number.isFinite(amountCents) ? amountCents : 0) +
    (Number.isFinite(gratuityCents) ? gratuityCents : 0);
  const error = checkout.error instanceof ApiError ? checkout.error : undefined;
  const fieldError = (field: string) => {
    const messages = error?.details?.[field];
    return Array.isArray(messages) ? String(messages[0]) : undefined;
  };

  return (
    <section id="balance" className="booking-balance" aria-labelledby="balance-heading">
      <h3 id="balance-heading">Balance and gratuity</h3>
      {returned ? (
        <p className="notice" role="status" data-testid="balance-returned">
          {dueCents === 0 || booking.gratuityCents > 0
            ? 'Thank you: your payment is received.'
            : 'Thank you: your payment is being confirmed. This page shows it in a few seconds.'}
        </p>
      ) : null}
      <p data-testid="balance-due">
        {dueCents > 0
          ? `Balance due: ${formatMoney(dueCents, money)}, on the day of the event or online now.`
          : 'Everything is paid: nothing to collect on the day.'}
      </p>
      {booking.gratuityCents > 0 ? (
        <p data-testid="gratuity-paid">
          Gratuity for your chef: {formatMoney(booking.gratuityCents, money)}. Thank you!
        </p>
      ) : null}
      {payable ? (
        <form
          className="balance-form"
          onSubmit={(event) => {
            event.preventDefault();
            checkout.mutate({
              ...proof,
              ...(partialAllowed ? { amountCents } : {}),
              gratuity:
                tip === 'none'
                  ? { kind: 'none' }
                  : tip === 'custom'
                    ? { kind: 'amount', amountCents: gratuityCents }
                    : { kind: 'percent', percent: Number(tip) as 18 | 20 | 22 },
            });
          }}
        >
          {partialAllowed && dueCents > 0 ? (
            <label>
              Amount to pay now ({booking.currency})
              <input
                name="amount"
                inputMode="decimal"
                value={amount}
                onChange={(event) => setAmount(event.target.value)}
                aria-invalid={fieldError('amountCents') ? true : undefined}
              />
              {fieldError('amountCents') ? (
                <span className="field-error">{fieldError('amountCents')}</span>
              ) : null}
            </label>
          ) : null}
          <fieldset className="gratuity-choice">
            <legend>Add a gratuity for your chef</legend>
            <p className="muted small">
              A share of the food total ({formatMoney(foodCents, money)}); it all goes to your chef
              and is kept apart from the price.
            </p>
            <label className="checkbox">
              <input
                type="radio"
                name="tip"
                checked={tip === 'none'}
                onChange={() => setTip('none')}
              />{' '}
              No gratuity
            </label>
            {gratuityPercents.map((percent) => (
              <label key={percent} className="checkbox">
                <input
                  type="radio"
                  name="tip"
                  checked={tip === String(percent)}
                  onChange={() => setTip(`${percent}`)}
                />{' '}
                {percent}% ({formatMoney(Math.round((foodCents * percent) / 100), money)})
              </label>
            ))}
            <label className="checkbox">
              <input
                type="radio"
                name="tip"
                checked={tip === 'custom'}
                onChange={() => setTip('custom')}
              />{' '}
              Another amount
            </label>
            {tip === 'custom' ? (
              <label>
                Gratuity ({booking.currency})
                <input
                  name="gratuity"
                  inputMode="decimal"
                  value={customTip}
                  autoFocus
                  onChange={(event) => setCustomTip(event.target.value)}
                  aria-invalid={fieldError('gratuity.amountCents') ? true : undefined}
                />
                {fieldError('gratuity.amountCents') ? (
                  <span className="field-error">{fieldError('gratuity.amountCents')}</span>
                ) : null}
              </label>
            ) : null}
          </fieldset>
          {error && !fieldError('amountCents') && !fieldError('gratuity.amountCents') ? (
            <p className="field-error" role="alert">
              {error.message}
            </p>
          ) : null}
          <button
            type="submit"
            className="button"
            disabled={totalCents <= 0 || checkout.isPending || checkout.isSuccess}
          >
            {checkout.isPending || checkout.isSuccess
              ? 'Opening payment…'
              : `Pay ${formatMoney(totalCents, money)}`}
          </button>
        </form>
      ) : null}
    </section>
  );
}
