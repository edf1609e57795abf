'use client';

import { useEffect, useRef } from 'react';
import Link from 'next/link';
import type { TCreatedBooking } from '@hibachi/core/bookings/create-booking.schema';
import {
  formatInstant,
  formatLocalDate,
  formatMoney,
  formatTime,
  type MoneyFormat,
} from '@hibachi/web/format';

export function ConfirmationStep({
  booking,
  money,
}: {
  booking: TCreatedBooking;
  money: MoneyFormat;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="step panel wide" aria-labelledby="confirmed-heading">
      <h2 id="confirmed-heading" ref={heading} tabIndex={-1}>
        Your slot is held
      </h2>
      <p>
        Booking reference{' '}
        <strong className="reference" data-testid="booking-reference">
          {booking.reference}
        </strong>
      </p>
      <p>
        {formatLocalDate(booking.date)} at {formatTime(booking.time)}. Total{' '}
        {formatMoney(booking.totalCents, money)}; deposit {formatMoney(booking.depositCents, money)}
        .
      </p>
      <p className="notice" role="status">
        Pay the deposit before {formatInstant(booking.holdExpiresAt, booking.timezone)} to confirm.
        After that the hold lapses and the time is offered to others.
      </p>
      <div className="actions">
        <a className="button" href={booking.paymentUrl}>
          Pay {formatMoney(booking.depositCents, money)} deposit
        </a>
        <Link className="button secondary" href={booking.manageUrl}>
          View or cancel this booking
        </Link>
      </div>
      <p className="muted small">
        Keep your reference: with it and your e-mail you can find this booking any time under
        “Manage booking”.
      </p>
    </section>
  );
}
