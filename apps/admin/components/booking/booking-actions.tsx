'use client';

import { useState } from 'react';
import type { StaffBookingDetail } from '@hibachi/core/bookings';
import Link from 'next/link';
import { CancelDialog, MoveDialog, OutcomeDialog, PaymentDialog } from './booking-dialogs';

type Dialog = 'payment' | 'cancel' | 'outcome' | 'move';

/** The buttons this user may press on this booking (from the detail API), each opening a dialog. */
export function BookingActions({
  booking,
  onOutcome,
}: {
  booking: StaffBookingDetail;
  onOutcome: (message: string) => void;
}) {
  const [open, setOpen] = useState<Dialog>();
  // Each opening starts its dialog afresh (no earlier answer or typing), with a new payment key.
  const [opening, setOpening] = useState({ count: 0, paymentKey: '' });
  const show = (dialog: Dialog) => {
    setOpening(({ count }) => ({ count: count + 1, paymentKey: crypto.randomUUID() }));
    setOpen(dialog);
  };
  const dialog = { booking, onOutcome, onClose: () => setOpen(undefined) };

  const { actions } = booking;
  if (!actions.recordPayment && !actions.cancel && !actions.markOutcome && !actions.reschedule)
    return null;
  return (
    <div className="booking-actions">
      {actions.reschedule ? (
        <button type="button" className="button secondary" onClick={() => show('move')}>
          Move…
        </button>
      ) : null}
      <Link
        className="button secondary"
        href={`/calendar?date=${booking.date}&view=day&station=${booking.station.slug}`}
      >
        Calendar
      </Link>
      {actions.recordPayment ? (
        <button type="button" className="button" onClick={() => show('payment')}>
          Record payment
        </button>
      ) : null}
      {actions.markOutcome ? (
        <button type="button" className="button secondary" onClick={() => show('outcome')}>
          Record outcome
        </button>
      ) : null}
      {actions.cancel ? (
        <button type="button" className="button danger" onClick={() => show('cancel')}>
          Cancel booking
        </button>
      ) : null}

      <PaymentDialog
        key={`payment-${opening.count}`}
        open={open === 'payment'}
        idempotencyKey={opening.paymentKey}
        {...dialog}
      />
      <MoveDialog key={`move-${opening.count}`} open={open === 'move'} {...dialog} />
      <CancelDialog key={`cancel-${opening.count}`} open={open === 'cancel'} {...dialog} />
      <OutcomeDialog key={`outcome-${opening.count}`} open={open === 'outcome'} {...dialog} />
    </div>
  );
}
