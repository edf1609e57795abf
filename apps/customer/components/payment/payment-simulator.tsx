'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ApiError } from '@hibachi/web/fetch-json';
import { api } from '@/lib/api';
import { formatMoney, moneyOf } from '@hibachi/web/format';
import { useTokenBooking } from './use-token-booking';

/**
 * The local stand-in for Stripe Checkout: Pay or Decline sends a signed, Stripe-format
 * event to the same webhook handler Stripe would call. No card, no money.
 */
export function PaymentSimulator({
  reference,
  token,
  session,
}: {
  reference: string;
  token: string;
  session: string;
}) {
  const router = useRouter();
  const booking = useTokenBooking(reference, token);
  const decide = useMutation({
    mutationFn: (outcome: 'pay' | 'decline') =>
      api.simulate({ reference, token, session, outcome }),
    onSuccess: (_result, outcome) => {
      if (outcome === 'pay')
        router.push(`/pay/${reference}/return?token=${encodeURIComponent(token)}`);
    },
  });
  const retry = `/pay/${reference}?token=${encodeURIComponent(token)}`;
  // The buttons wait for the booking: no paying an amount the page has not shown yet.
  const busy = !booking.data || decide.isPending || decide.isSuccess;
  return (
    <section className="panel simulator" aria-labelledby="sim-heading">
      <p className="test-banner" role="note">
        Test payment: no money moves. This page stands in for Stripe Checkout.
      </p>
      <h1 id="sim-heading">Deposit for {reference}</h1>
      <p>
        Amount:{' '}
        <strong>
          {booking.data ? formatMoney(booking.data.depositCents, moneyOf(booking.data)) : '…'}
        </strong>
      </p>
      {decide.isSuccess && decide.variables === 'decline' ? (
        <div className="widget-error" role="alert">
          <p>Payment declined. Your time is still held for now.</p>
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
