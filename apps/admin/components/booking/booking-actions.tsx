'use client';

import { useState } from 'react';
import type { StaffBookingDetail } from '@hibachi/core/bookings';
import type { TRecordPaymentInput } from '@hibachi/core/payments/record-offline-payment.schema';
import Link from 'next/link';
import {
  formatLocalDate,
  formatMoney,
  formatTime,
  fromMajorUnits,
  moneyOf,
} from '@hibachi/web/format';
import { api } from '@/lib/api';
import { fieldText } from '@/lib/form-helpers';
import { MoveFields, readMoveTarget, type MoveTarget } from '../move-fields';
import { cancellationOutcome } from './cancellation-outcome';
import { ActionDialog } from './action-dialog';
import { useBookingAction } from './use-booking-action';

type Open = 'payment' | 'cancel' | 'outcome' | 'move' | undefined;

/** The buttons this user may press on this booking (from the detail API), each opening a dialog. */
export function BookingActions({
  booking,
  onOutcome,
}: {
  booking: StaffBookingDetail;
  onOutcome: (message: string) => void;
}) {
  const [open, setOpen] = useState<Open>();
  const [paymentKey, setPaymentKey] = useState('');
  const close = () => setOpen(undefined);
  const money = moneyOf(booking);

  const payment = useBookingAction(
    booking.id,
    (input: Omit<TRecordPaymentInput, 'version'>) =>
      api.recordPayment({
        path: { id: booking.id },
        body: { ...input, version: booking.version },
        headers: { 'Idempotency-Key': paymentKey },
      }),
    (result) => {
      close();
      onOutcome(
        `Payment recorded. ${result.booking.outstandingCents > 0 ? `${formatMoney(result.booking.outstandingCents, money)} still due.` : 'Nothing is due now.'}`,
      );
    },
  );
  const cancel = useBookingAction(
    booking.id,
    (input: { reason: string; refund: boolean; refundGratuity: boolean }) =>
      api.cancel({ path: { id: booking.id }, body: { ...input, version: booking.version } }),
    (result) => {
      close();
      onOutcome(cancellationOutcome(result, money));
    },
  );
  const outcome = useBookingAction(
    booking.id,
    (status: 'COMPLETED' | 'NO_SHOW') =>
      api.markOutcome({ path: { id: booking.id }, body: { status, version: booking.version } }),
    () => {
      close();
      onOutcome('Outcome saved.');
    },
  );

  const move = useBookingAction(
    booking.id,
    (input: MoveTarget) =>
      api.reschedule({ path: { id: booking.id }, body: { ...input, version: booking.version } }),
    (result) => {
      close();
      onOutcome(
        result.moved
          ? `Moved to ${formatLocalDate(result.date)}, ${formatTime(result.time)} with ${result.chef.name}. The customer is e-mailed.`
          : 'Nothing changed.',
      );
    },
  );

  const { actions } = booking;
  if (!actions.recordPayment && !actions.cancel && !actions.markOutcome && !actions.reschedule)
    return null;
  return (
    <div className="booking-actions">
      {actions.reschedule ? (
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            move.reset();
            setOpen('move');
          }}
        >
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
        <button
          type="button"
          className="button"
          onClick={() => {
            payment.reset();
            setPaymentKey(crypto.randomUUID());
            setOpen('payment');
          }}
        >
          Record payment
        </button>
      ) : null}
      {actions.markOutcome ? (
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            outcome.reset();
            setOpen('outcome');
          }}
        >
          Record outcome
        </button>
      ) : null}
      {actions.cancel ? (
        <button
          type="button"
          className="button danger"
          onClick={() => {
            cancel.reset();
            setOpen('cancel');
          }}
        >
          Cancel booking
        </button>
      ) : null}

      <ActionDialog
        open={open === 'payment'}
        title="Record a payment"
        submitLabel="Record payment"
        onClose={close}
        busy={payment.busy}
        error={payment.error}
        onSubmit={(data) => {
          payment.run({
            amountCents: fromMajorUnits(fieldText(data, 'amount'), booking.currency),
            // Checked against the API's schema before anything is sent.
            method: fieldText(data, 'method') as TRecordPaymentInput['method'],
            ...(fieldText(data, 'note') ? { note: fieldText(data, 'note') } : {}),
          });
        }}
      >
        <p className="muted">Balance due: {formatMoney(booking.balanceCents, money)}</p>
        <div className="field">
          <label htmlFor="payment-amount">Amount ({booking.currency})</label>
          <input
            id="payment-amount"
            name="amount"
            inputMode="decimal"
            defaultValue={(booking.balanceCents / 100).toFixed(2)}
            aria-invalid={payment.fieldErrors.amountCents ? true : undefined}
            aria-describedby="payment-amount-error"
            required
          />
          <p id="payment-amount-error" className="field-error">
            {payment.fieldErrors.amountCents?.[0]}
          </p>
        </div>
        <div className="field">
          <label htmlFor="payment-method">Method</label>
          <select id="payment-method" name="method" defaultValue="CASH">
            <option value="CASH">Cash</option>
            <option value="CHECK">Check</option>
            <option value="CARD">Card (terminal)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="payment-note">Note (optional)</label>
          <input id="payment-note" name="note" maxLength={500} />
        </div>
      </ActionDialog>

      <ActionDialog
        open={open === 'move'}
        title="Move this booking"
        submitLabel="Move booking"
        onClose={close}
        busy={move.busy}
        error={move.error}
        onSubmit={(data) => move.run(readMoveTarget(data))}
      >
        <p className="muted">
          Times are {booking.station.name} times. The chef stays if free, else a free chef takes it.
        </p>
        <MoveFields current={{ ...booking, chefId: booking.chef.id }} errors={move.fieldErrors} />
      </ActionDialog>

      <ActionDialog
        open={open === 'cancel'}
        title="Cancel this booking"
        submitLabel="Cancel booking"
        danger
        onClose={close}
        busy={cancel.busy}
        error={cancel.error}
        onSubmit={(data) =>
          cancel.run({
            reason: fieldText(data, 'reason'),
            refund: data.get('refund') === 'yes',
            refundGratuity: data.get('refundGratuity') === 'yes',
          })
        }
      >
        <div className="field">
          <label htmlFor="cancel-reason">
            Reason (the customer is told the booking is cancelled)
          </label>
          <textarea
            id="cancel-reason"
            name="reason"
            rows={3}
            maxLength={500}
            required
            aria-invalid={cancel.fieldErrors.reason ? true : undefined}
            aria-describedby="cancel-reason-error"
          />
          <p id="cancel-reason-error" className="field-error">
            {cancel.fieldErrors.reason?.[0]}
          </p>
        </div>
        <fieldset className="field">
          <legend>Money paid so far: {formatMoney(booking.paidCents, money)}</legend>
          <label className="field-inline">
            <input type="radio" name="refund" value="yes" defaultChecked /> Refund everything (cards
            through the payment provider; cash and checks by hand)
          </label>
          <label className="field-inline">
            <input type="radio" name="refund" value="no" /> Keep the money
          </label>
        </fieldset>
        {booking.gratuityCents > 0 ? (
          <label className="field-inline">
            <input type="checkbox" name="refundGratuity" value="yes" /> Also refund the{' '}
            {formatMoney(booking.gratuityCents, money)} gratuity (the chef&apos;s; kept unless you
            tick this)
          </label>
        ) : null}
      </ActionDialog>

      <ActionDialog
        open={open === 'outcome'}
        title="How did the event go?"
        submitLabel="Save outcome"
        onClose={close}
        busy={outcome.busy}
        error={outcome.error}
        onSubmit={(data) => outcome.run(data.get('status') === 'NO_SHOW' ? 'NO_SHOW' : 'COMPLETED')}
      >
        <fieldset className="field">
          <legend>Outcome</legend>
          <label className="field-inline">
            <input type="radio" name="status" value="COMPLETED" defaultChecked /> Completed
          </label>
          <label className="field-inline">
            <input type="radio" name="status" value="NO_SHOW" /> No-show
          </label>
        </fieldset>
      </ActionDialog>
    </div>
  );
}
