'use client';

import { useState } from 'react';
import type { StaffBookingDetail } from '@hibachi/core/bookings';
import { SETTLER_ACTIONS } from '@hibachi/core/money/refund-settler';
import { Field, fieldOf } from '@hibachi/web/field';
import { formatMoney, type MoneyFormat } from '@hibachi/web/format';
import { api } from '@/lib/api';
import { useBookingAction } from './use-booking-action';

type Payment = StaffBookingDetail['payments'][number];

/**
 * A refund owed on one payment: how much, who gives it back, and for managers (when a person
 * must: terminal, cash, check) the way to say it was given back, with an optional note.
 */
export function RefundOwed({
  bookingId,
  payment,
  money,
  canSettle,
  onOutcome,
}: {
  bookingId: string;
  payment: Payment;
  money: MoneyFormat;
  canSettle: boolean;
  onOutcome: (message: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const settle = useBookingAction(
    bookingId,
    () =>
      api.settleRefund({
        path: { id: payment.id },
        body: note.trim() ? { note: note.trim() } : {},
      }),
    (settled) => {
      setConfirming(false);
      onOutcome(`Refund of ${formatMoney(settled.settledCents, money)} marked as given back.`);
    },
  );
  if (payment.refundOwedCents <= 0 || !payment.refundSettledBy) return null;
  const byHand = payment.refundSettledBy !== 'PROVIDER';
  return (
    <div className="small field-error" data-testid="refund-owed">
      {formatMoney(payment.refundOwedCents, money)} refund owed:{' '}
      {SETTLER_ACTIONS[payment.refundSettledBy]}
      {payment.lastRefundError ? ` (${payment.lastRefundError})` : ''}
      {byHand && canSettle && !confirming ? (
        <button type="button" className="link-button block" onClick={() => setConfirming(true)}>
          Mark given back
        </button>
      ) : null}
      {confirming ? (
        <div className="settle-refund">
          <Field
            field={fieldOf(`settle-note-${payment.id}`, 'note')}
            label="Note (optional)"
            value={note}
            maxLength={500}
            onChange={(event) => setNote(event.target.value)}
          />
          {settle.error ? (
            <span role="alert" className="block">
              {settle.error}
            </span>
          ) : null}
          <button
            type="button"
            className="button"
            disabled={settle.busy}
            onClick={() => settle.run(undefined)}
          >
            {settle.busy ? 'Saving…' : 'Yes, it was given back'}
          </button>{' '}
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              settle.reset();
              setConfirming(false);
            }}
          >
            Cancel
          </button>
        </div>
      ) : null}
    </div>
  );
}
