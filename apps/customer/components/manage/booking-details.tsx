'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { TCustomerBooking } from '@hibachi/core/bookings/customer-booking.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import { api } from '@/lib/api';
import {
  formatDuration,
  formatInstant,
  formatLocalDate,
  formatMoney,
  moneyOf,
  formatTime,
} from '@hibachi/web/format';

const STATUS_LABEL: Record<TCustomerBooking['status'], string> = {
  PENDING_PAYMENT: 'Awaiting deposit',
  CONFIRMED: 'Confirmed',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  NO_SHOW: 'No-show',
  EXPIRED: 'Hold expired',
};

type Proof = { email: string } | { token: string };

export function BookingDetails({
  booking,
  proof,
  onChange,
}: {
  booking: TCustomerBooking;
  proof: Proof;
  /** Told of the booking as it is after an action (the lookup page keeps its own copy). */
  onChange?: (booking: TCustomerBooking) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => api.cancel(booking.reference, proof),
    onSuccess: (result) => {
      queryClient.setQueryData(['booking', booking.reference, proof], result.booking);
      onChange?.(result.booking);
      dialog.current?.close();
    },
  });
  // Decided when the dialog opens: the refund deadline is a moment in time.
  const [refundable, setRefundable] = useState(false);
  const openCancelDialog = () => {
    setRefundable(booking.paidCents > 0 && Date.now() <= Date.parse(booking.refundDeadline));
    dialog.current?.showModal();
  };

  return (
    <article className="panel wide" aria-labelledby="booking-heading">
      <h2 id="booking-heading">
        Booking <span className="reference">{booking.reference}</span>
      </h2>
      <p className={`status status-${booking.status.toLowerCase()}`} data-testid="booking-status">
        {STATUS_LABEL[booking.status]}
      </p>
      <dl className="summary">
        <div>
          <dt>Location</dt>
          <dd>{booking.station.name}</dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>
            {formatLocalDate(booking.date)} at {formatTime(booking.time)} (
            {formatDuration(booking.durationMinutes)})
          </dd>
        </div>
        <div>
          <dt>Guests</dt>
          <dd>
            {booking.adults} adults, {booking.children} children
          </dd>
        </div>
        <div>
          <dt>Address</dt>
          <dd>
            {[
              booking.address.line1,
              booking.address.line2,
              booking.address.city,
              booking.address.postalCode,
            ]
              .filter(Boolean)
              .join(', ')}
          </dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>
            {formatMoney(booking.totalCents, moneyOf(booking))} (deposit{' '}
            {formatMoney(booking.depositCents, moneyOf(booking))}, paid{' '}
            {formatMoney(booking.paidCents, moneyOf(booking))})
          </dd>
        </div>
        {booking.specialRequests ? (
          <div>
            <dt>Requests</dt>
            <dd>{booking.specialRequests}</dd>
          </div>
        ) : null}
      </dl>
      {booking.holdExpiresAt ? (
        <p className="notice">
          Held until {formatInstant(booking.holdExpiresAt, booking.station.timezone)}: pay the
          deposit to confirm.
        </p>
      ) : null}
      {cancel.data ? (
        <p className="notice" role="status" data-testid="refund-outcome">
          Cancelled. {cancel.data.refund.reason}
          {cancel.data.refund.amountCents > 0
            ? ` Refund: ${formatMoney(cancel.data.refund.amountCents, moneyOf(booking))}.`
            : ''}
        </p>
      ) : null}
      {booking.cancellable ? (
        <button type="button" className="button secondary" onClick={openCancelDialog}>
          Cancel booking
        </button>
      ) : null}
      <dialog ref={dialog} aria-labelledby="cancel-heading" className="dialog">
        <h3 id="cancel-heading">Cancel booking {booking.reference}?</h3>
        <p>
          {booking.paidCents === 0
            ? 'No payment was taken, so nothing will be charged or refunded.'
            : refundable
              ? `You are cancelling at least the required notice ahead: your ${formatMoney(booking.paidCents, moneyOf(booking))} deposit will be refunded.`
              : 'It is less than the required notice before your event: the deposit is kept, per our policy.'}
        </p>
        {cancel.error ? (
          <p className="field-error" role="alert">
            {cancel.error instanceof ApiError
              ? cancel.error.message
              : 'Something went wrong. Please try again.'}
          </p>
        ) : null}
        <div className="actions">
          <button
            type="button"
            className="button secondary"
            onClick={() => dialog.current?.close()}
            disabled={cancel.isPending}
          >
            Keep booking
          </button>
          <button
            type="button"
            className="button danger"
            onClick={() => cancel.mutate()}
            disabled={cancel.isPending}
          >
            {cancel.isPending ? 'Cancelling…' : 'Yes, cancel'}
          </button>
        </div>
      </dialog>
    </article>
  );
}
