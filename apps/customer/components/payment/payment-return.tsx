'use client';

import Link from 'next/link';
import { formatLocalDate, formatMoney, formatTime, moneyOf } from '@hibachi/web/format';
import { AddToCalendar } from '../calendar/add-to-calendar';
import { useTokenBooking } from './use-token-booking';

/** After paying: waits for the provider's confirmation (the webhook), then says so. */
export function PaymentReturn({ reference, token }: { reference: string; token: string }) {
  const booking = useTokenBooking(reference, token, true);
  const data = booking.data;
  const manage = `/manage/${reference}?token=${encodeURIComponent(token)}`;
  if (!data || data.status === 'PENDING_PAYMENT') {
    return (
      <section className="panel" aria-labelledby="return-heading" aria-busy="true">
        <h1 id="return-heading">Confirming your payment…</h1>
        <p className="muted" role="status">
          This usually takes a few seconds. You can keep this page open; it updates by itself.
        </p>
      </section>
    );
  }
  if (data.status === 'CONFIRMED') {
    return (
      <section className="panel" aria-labelledby="return-heading">
        <h1 id="return-heading">Confirmed</h1>
        <p className="notice" role="status" data-testid="payment-result">
          Deposit of {formatMoney(data.paidCents, moneyOf(data))} received. Your chef is booked for{' '}
          {formatLocalDate(data.date)} at {formatTime(data.time)}.
        </p>
        <p>
          Reference <strong className="reference">{reference}</strong>
        </p>
        <AddToCalendar booking={data} proof={{ token }} />
        <Link className="button" href={manage}>
          View or manage your booking
        </Link>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="return-heading">
      <h1 id="return-heading">We could not keep this time</h1>
      <p className="notice" role="status" data-testid="payment-result">
        The hold ended before the payment was confirmed. Any deposit taken is refunded
        automatically.
      </p>
      <Link className="button" href={`/book/${data.station.slug}`}>
        Choose a new time
      </Link>
    </section>
  );
}
