'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { ApiError } from '@hibachi/web/fetch-json';
import { api } from '@/lib/api';
import {
  formatInstant,
  formatLocalDate,
  formatMoney,
  moneyOf,
  formatTime,
} from '@hibachi/web/format';
import { useTokenBooking } from './use-token-booking';

/** The deposit step: a summary and one button that opens the provider's payment page. */
export function PayDeposit({ reference, token }: { reference: string; token: string }) {
  const booking = useTokenBooking(reference, token);
  const checkout = useMutation({
    mutationFn: () => api.startCheckout(reference, token),
    onSuccess: ({ url }) => window.location.assign(url),
  });
  if (booking.isPending)
    return (
      <p aria-busy="true" className="muted">
        Loading your booking…
      </p>
    );
  const data = booking.data;
  if (!data) return null;
  const manage = `/manage/${reference}?token=${encodeURIComponent(token)}`;

  if (data.status === 'CONFIRMED') {
    return (
      <section className="panel" aria-labelledby="pay-heading">
        <h1 id="pay-heading">Deposit paid</h1>
        <p className="notice" role="status">
          Booking {reference} is confirmed. Nothing more is due online.
        </p>
        <Link className="button" href={manage}>
          View your booking
        </Link>
      </section>
    );
  }
  if (data.status !== 'PENDING_PAYMENT') {
    return (
      <section className="panel" aria-labelledby="pay-heading">
        <h1 id="pay-heading">This hold has ended</h1>
        <p className="notice" role="status">
          The time was released before a deposit arrived. Please book a new time.
        </p>
        <Link className="button" href={`/book/${data.station.slug}`}>
          Choose a new time
        </Link>
      </section>
    );
  }
  if (data.source === 'STAFF' && data.proposal.needsAcceptance) {
    return (
      <section className="panel" aria-labelledby="pay-heading">
        <h1 id="pay-heading">Review your proposal first</h1>
        <p className="notice" role="status">
          Before the deposit, please review the price and {data.station.name}&apos;s terms and
          accept them.
        </p>
        <Link className="button" href={`/proposal/${reference}?token=${encodeURIComponent(token)}`}>
          Review the proposal
        </Link>
      </section>
    );
  }
  const error = checkout.error instanceof ApiError ? checkout.error : undefined;
  return (
    <section className="panel" aria-labelledby="pay-heading">
      <h1 id="pay-heading">Pay your deposit</h1>
      <p>
        Booking <strong className="reference">{reference}</strong>: {data.station.name},{' '}
        {formatLocalDate(data.date)} at {formatTime(data.time)}.
      </p>
      <p>
        Deposit due now:{' '}
        <strong data-testid="deposit-due">{formatMoney(data.depositCents, moneyOf(data))}</strong>{' '}
        (total {formatMoney(data.totalCents, moneyOf(data))}).
      </p>
      {data.holdExpiresAt ? (
        <p className="muted">
          Your time is held until {formatInstant(data.holdExpiresAt, data.station.timezone)}.
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={checkout.isPending || checkout.isSuccess}
          onClick={() => checkout.mutate()}
        >
          {checkout.isPending || checkout.isSuccess
            ? 'Opening payment…'
            : `Pay ${formatMoney(data.depositCents, moneyOf(data))} deposit`}
        </button>
        <Link className="button secondary" href={manage}>
          View booking
        </Link>
      </div>
    </section>
  );
}
