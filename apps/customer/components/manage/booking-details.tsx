'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { TCustomerBooking } from '@hibachi/core/bookings/customer-booking.schema';
import {
  cancellationPreviewOf,
  cancellationPreviewWords,
} from '@hibachi/core/money/cancellation-refund';
import { ApiError } from '@hibachi/web/fetch-json';
import { api } from '@/lib/api';
import { QuoteLines } from '@hibachi/web/quote-lines';
import { MenuEditor } from './menu-editor';
import { AddToCalendar } from '../calendar/add-to-calendar';
import { RescheduleSection } from './reschedule-section';
import { BalanceSection } from './balance-section';
import { EventSummary } from './event-summary';
import { ProposalStatus } from './proposal-status';
import { formatInstant, formatMoney, moneyOf } from '@hibachi/web/format';

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
  const [editing, setEditing] = useState(false);
  const money = moneyOf(booking);
  // Decided when the dialog opens: the refund deadline is a moment in time.
  const [refundPreview, setRefundPreview] = useState('');
  const openCancelDialog = () => {
    setRefundPreview(cancellationPreviewWords(cancellationPreviewOf(booking, new Date()), money));
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
      <EventSummary
        booking={booking}
        lead={
          <div>
            <dt>Location</dt>
            <dd>{booking.station.name}</dd>
          </div>
        }
      >
        <div>
          <dt>Total</dt>
          <dd>
            {formatMoney(booking.totalCents, money)} (deposit{' '}
            {formatMoney(booking.depositCents, money)}, paid {formatMoney(booking.paidCents, money)}
            )
          </dd>
        </div>
        {booking.specialRequests ? (
          <div>
            <dt>Requests</dt>
            <dd>{booking.specialRequests}</dd>
          </div>
        ) : null}
      </EventSummary>
      <ProposalStatus booking={booking} proof={proof} />
      <AddToCalendar booking={booking} proof={proof} />
      <RescheduleSection
        booking={booking}
        proof={proof}
        onMoved={(moved) => {
          queryClient.setQueryData(['booking', booking.reference, proof], moved);
          onChange?.(moved);
        }}
      />
      <section className="booking-menu" aria-labelledby="menu-heading">
        <h3 id="menu-heading">Menu and price</h3>
        {booking.menu.lines.length > 0 ? (
          <ul className="menu-lines" data-testid="menu-lines">
            {booking.menu.lines.map((line) => (
              <li key={line.itemId}>
                {line.kind === 'ADDON' ? line.name : `${line.quantity} × ${line.name}`}
              </li>
            ))}
          </ul>
        ) : null}
        {!booking.menu.proteinsDecided ? (
          <p className="notice">
            {booking.menu.changeable
              ? `Your proteins are still to choose (${booking.menu.proteinsPerAdult} for each adult): please choose them by ${formatInstant(booking.menu.lockAt, booking.station.timezone)}.`
              : 'Your proteins were not chosen before the menu lock: your chef will call you.'}
          </p>
        ) : null}
        <QuoteLines
          quote={{
            lines: booking.priceLines,
            totalCents: booking.totalCents,
            depositCents: booking.depositCents,
            balanceCents: booking.totalCents - booking.paidCents,
          }}
          money={money}
          depositLabel="Deposit"
        />
        {booking.menu.changeable ? (
          editing ? (
            <MenuEditor
              booking={booking}
              proof={proof}
              onSaved={(updated) => {
                setEditing(false);
                onChange?.(updated);
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <>
              <p className="muted small" data-testid="menu-lock">
                You can change your party and menu until{' '}
                {formatInstant(booking.menu.lockAt, booking.station.timezone)}.
              </p>
              <button type="button" className="button secondary" onClick={() => setEditing(true)}>
                Change party and menu
              </button>
            </>
          )
        ) : booking.status === 'PENDING_PAYMENT' || booking.status === 'CONFIRMED' ? (
          <p className="muted small" data-testid="menu-lock">
            Your party and menu are final since{' '}
            {formatInstant(booking.menu.lockAt, booking.station.timezone)}: your chef has shopped
            for them. To change something, reply to your confirmation e-mail or call{' '}
            {booking.station.name}.
          </p>
        ) : null}
      </section>
      {booking.balance.payable || booking.gratuityCents > 0 ? (
        <BalanceSection booking={booking} proof={proof} />
      ) : null}
      {booking.holdExpiresAt ? (
        <p className="notice">
          Held until {formatInstant(booking.holdExpiresAt, booking.station.timezone)}: pay the
          deposit to confirm.
        </p>
      ) : null}
      {cancel.data ? (
        <p className="notice" role="status" data-testid="refund-outcome">
          Your booking is cancelled. {cancel.data.refund.reason}
        </p>
      ) : null}
      {booking.cancellable ? (
        <button type="button" className="button secondary" onClick={openCancelDialog}>
          Cancel booking
        </button>
      ) : null}
      <dialog ref={dialog} aria-labelledby="cancel-heading" className="dialog">
        <h3 id="cancel-heading">Cancel booking {booking.reference}?</h3>
        <p>{refundPreview}</p>
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
