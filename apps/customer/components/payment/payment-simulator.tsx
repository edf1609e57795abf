'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useSyncExternalStore } from 'react';
import { ApiError } from '@hibachi/web/fetch-json';
import { api } from '@/lib/api';
import type { SimulatorSession } from '@hibachi/core/payments';
import { formatMoney } from '@hibachi/web/format';

const noSubscription = () => () => {};

/**
 * The local stand-in for Stripe Checkout: Pay or Decline sends a signed, Stripe-format
 * event to the same webhook handler Stripe would call. No card, no money.
 */
export function PaymentSimulator({
  reference,
  token,
  session,
  charge,
}: {
  reference: string;
  token: string;
  session: string;
  /** What this session charges, read on the server. */
  charge: SimulatorSession;
}) {
  const router = useRouter();
  const link = `token=${encodeURIComponent(token)}`;
  const decide = useMutation({
    mutationFn: (outcome: 'pay' | 'decline') =>
      api.simulate({ reference, token, session, outcome }),
    onSuccess: (_result, outcome) => {
      if (outcome !== 'pay') return;
      router.push(
        charge.purpose === 'BALANCE'
          ? `/manage/${reference}?${link}&paid=balance#balance`
          : `/pay/${reference}/return?${link}`,
      );
    },
  });
  const retry =
    charge.purpose === 'BALANCE'
      ? `/manage/${reference}?${link}#balance`
      : `/pay/${reference}?${link}`;
  // Pressable once the page is live: a press before hydration would be lost.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const busy = !hydrated || decide.isPending || decide.isSuccess;
  const money = { currency: charge.currency, locale: charge.locale };
  return (
    <section className="panel simulator" aria-labelledby="sim-heading">
      <p className="test-banner" role="note">
        Test payment: no money moves. This page stands in for Stripe Checkout.
      </p>
      <h1 id="sim-heading">
        {charge.purpose === 'BALANCE' ? 'Balance' : 'Deposit'} for {reference}
      </h1>
      {charge.gratuityCents > 0 ? (
        <dl className="summary">
          <div>
            <dt>{charge.amountCents > 0 ? 'Balance' : 'Price'}</dt>
            <dd>{formatMoney(charge.amountCents, money)}</dd>
          </div>
          <div>
            <dt>Gratuity</dt>
            <dd>{formatMoney(charge.gratuityCents, money)}</dd>
          </div>
        </dl>
      ) : null}
      <p>
        Amount:{' '}
        <strong data-testid="simulator-amount">
          {formatMoney(charge.amountCents + charge.gratuityCents, money)}
        </strong>
      </p>
      {decide.isSuccess && decide.variables === 'decline' ? (
        <div className="widget-error" role="alert">
          <p>
            {charge.purpose === 'BALANCE'
              ? 'Payment declined. Nothing was charged.'
              : 'Payment declined. Your time is still held for now.'}
          </p>
          <Link className="button" href={retry}>
            Try the payment again
          </Link>
        </div>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => decide.mutate('pay')}
          >
            Pay (test)
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => decide.mutate('decline')}
          >
            Decline (test)
          </button>
        </div>
      )}
      {decide.error ? (
        <p className="field-error" role="alert">
          {decide.error instanceof ApiError
            ? decide.error.message
            : 'Something went wrong. Please try again.'}
        </p>
      ) : null}
    </section>
  );
}
