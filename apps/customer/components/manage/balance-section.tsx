'use client';

import { useMutation } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { TCustomerBooking } from '@hibachi/core/bookings/customer-booking.schema';
import type { TBalanceCheckoutInput } from '@hibachi/core/payments/balance-checkout.schema';
import { ChoiceField } from '@hibachi/web/choice-field';
import { MoneyField } from '@hibachi/web/field';
import { formatMoney, moneyOf } from '@hibachi/web/format';
import { useApiForm } from '@hibachi/web/use-api-form';
import { api } from '@/lib/api';
import {
  toAmountCents,
  toBalanceCheckoutInput,
  toBalanceValues,
  toGratuityCents,
  type BalanceValues,
} from './balance-values';

type Proof = { email: string } | { token: string };
const noSubscription = () => () => {};

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
  const checkout = useMutation({
    mutationFn: (body: TBalanceCheckoutInput) => api.balanceCheckout(booking.reference, body),
    onSuccess: ({ url }) => window.location.assign(url),
  });
  const { fields, formProps, form } = useApiForm<
    BalanceValues,
    ReturnType<typeof toBalanceCheckoutInput>
  >({
    id: 'balance',
    defaultValue: toBalanceValues(booking),
    toInput: (values) => toBalanceCheckoutInput(values, booking),
    onValid: (body) => checkout.mutate({ ...proof, ...body }),
    error: checkout.error,
  });
  // The total on the button follows the typing (Conform's value of the form as it is now).
  const values = { ...toBalanceValues(booking), ...form.value } as BalanceValues;
  const gratuityCents = toGratuityCents(values, booking);
  const amountCents = toAmountCents(values, booking);
  const totalCents =
    (Number.isFinite(amountCents) ? amountCents : 0) +
    (Number.isFinite(gratuityCents) ? gratuityCents : 0);
  const gratuityField = fields.gratuity.getFieldset().amountCents;
  // A refusal about the two amounts shows under them; any other, here.
  const error = checkout.error;
  const onAmounts = Boolean(fields.amountCents.errors ?? gratuityField.errors);

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
        <form {...formProps} className="balance-form">
          {partialAllowed && dueCents > 0 ? (
            <MoneyField
              field={fields.amountCents}
              currency={booking.currency}
              label={`Amount to pay now (${booking.currency})`}
            />
          ) : null}
          <ChoiceField
            field={fields.tip}
            className="gratuity-choice"
            choiceClassName="checkbox"
            legend="Add a gratuity for your chef"
            hint={`A share of the food total (${formatMoney(foodCents, money)}); it all goes to your chef and is kept apart from the price.`}
            choices={[
              { value: 'none', label: 'No gratuity' },
              ...gratuityPercents.map((percent) => ({
                value: String(percent),
                label: `${percent}% (${formatMoney(Math.round((foodCents * percent) / 100), money)})`,
              })),
              { value: 'custom', label: 'Another amount' },
            ]}
          >
            {values.tip === 'custom' ? (
              <MoneyField
                field={gratuityField}
                currency={booking.currency}
                label={`Gratuity (${booking.currency})`}
                autoFocus
              />
            ) : null}
          </ChoiceField>
          {error && !onAmounts ? (
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
