'use client';

import type { StaffBookingDetail } from '@hibachi/core/bookings';
import type { TRecordPaymentInput } from '@hibachi/core/payments/record-offline-payment.schema';
import { CheckboxField, ChoiceField } from '@hibachi/web/choice-field';
import { Field, MoneyField, SelectField, TextareaField } from '@hibachi/web/field';
import { formatLocalDate, formatMoney, formatTime, moneyOf } from '@hibachi/web/format';
import { useApiForm } from '@hibachi/web/use-api-form';
import { api } from '@/lib/api';
import { MoveFields } from '../move-fields';
import { toMoveInput, toMoveValues, type MoveTarget, type MoveValues } from '../move-values';
import { ActionDialog } from './action-dialog';
import {
  CANCEL_VALUES,
  toOutcomeInput,
  toPaymentValues,
  toRecordPaymentInput,
  toStaffCancelInput,
  type CancelValues,
  type OutcomeValues,
  type PaymentValues,
} from './booking-action-values';
import { cancellationOutcome } from './cancellation-outcome';
import { useBookingAction } from './use-booking-action';

/** What every dialog of the booking page is told: the booking, whether it shows, and how it ends. */
type DialogProps = {
  booking: StaffBookingDetail;
  open: boolean;
  onClose: () => void;
  onOutcome: (message: string) => void;
};

/** Cash, check or terminal money taken for the booking (once per key, however often sent). */
export function PaymentDialog({
  booking,
  open,
  onClose,
  onOutcome,
  idempotencyKey,
}: DialogProps & { idempotencyKey: string }) {
  const money = moneyOf(booking);
  const payment = useBookingAction(
    booking.id,
    (input: Omit<TRecordPaymentInput, 'version'>) =>
      api.recordPayment({
        path: { id: booking.id },
        body: { ...input, version: booking.version },
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    (result) => {
      onClose();
      onOutcome(
        `Payment recorded. ${result.booking.outstandingCents > 0 ? `${formatMoney(result.booking.outstandingCents, money)} still due.` : 'Nothing is due now.'}`,
      );
    },
  );
  const { fields, formProps } = useApiForm<PaymentValues, Omit<TRecordPaymentInput, 'version'>>({
    id: 'record-payment',
    defaultValue: toPaymentValues(booking),
    toInput: (values) => toRecordPaymentInput(values, booking.currency),
    onValid: (body) => payment.run(body),
    error: payment.failure,
  });
  return (
    <ActionDialog
      open={open}
      title="Record a payment"
      submitLabel="Record payment"
      onClose={onClose}
      form={formProps}
      pending={payment.busy}
      error={payment.error}
    >
      <p className="muted">Balance due: {formatMoney(booking.balanceCents, money)}</p>
      <MoneyField
        field={fields.amountCents}
        currency={booking.currency}
        label={`Amount (${booking.currency})`}
        required
      />
      <SelectField field={fields.method} label="Method">
        <option value="CASH">Cash</option>
        <option value="CHECK">Check</option>
        <option value="CARD">Card (terminal)</option>
      </SelectField>
      <Field field={fields.note} label="Note (optional)" maxLength={500} />
    </ActionDialog>
  );
}

export function MoveDialog({ booking, open, onClose, onOutcome }: DialogProps) {
  const move = useBookingAction(
    booking.id,
    (input: MoveTarget) =>
      api.reschedule({ path: { id: booking.id }, body: { ...input, version: booking.version } }),
    (result) => {
      onClose();
      onOutcome(
        result.moved
          ? `Moved to ${formatLocalDate(result.date)}, ${formatTime(result.time)} with ${result.chef.name}. The customer is e-mailed.`
          : 'Nothing changed.',
      );
    },
  );
  const { fields, formProps } = useApiForm<MoveValues, MoveTarget>({
    id: 'move-booking',
    defaultValue: toMoveValues({ ...booking, chefId: booking.chef.id }),
    toInput: toMoveInput,
    onValid: (body) => move.run(body),
    error: move.failure,
  });
  return (
    <ActionDialog
      open={open}
      title="Move this booking"
      submitLabel="Move booking"
      onClose={onClose}
      form={formProps}
      pending={move.busy}
      error={move.error}
    >
      <p className="muted">
        Times are {booking.station.name} times. The chef stays if free, else a free chef takes it.
      </p>
      <MoveFields fields={fields} durationMinutes={booking.durationMinutes} />
    </ActionDialog>
  );
}

export function CancelDialog({ booking, open, onClose, onOutcome }: DialogProps) {
  const money = moneyOf(booking);
  const cancel = useBookingAction(
    booking.id,
    (input: ReturnType<typeof toStaffCancelInput>) =>
      api.cancel({ path: { id: booking.id }, body: { ...input, version: booking.version } }),
    (result) => {
      onClose();
      onOutcome(cancellationOutcome(result, money));
    },
  );
  const { fields, formProps } = useApiForm<CancelValues, ReturnType<typeof toStaffCancelInput>>({
    id: 'cancel-booking',
    defaultValue: CANCEL_VALUES,
    toInput: toStaffCancelInput,
    onValid: (body) => cancel.run(body),
    error: cancel.failure,
  });
  return (
    <ActionDialog
      open={open}
      title="Cancel this booking"
      submitLabel="Cancel booking"
      danger
      onClose={onClose}
      form={formProps}
      pending={cancel.busy}
      error={cancel.error}
    >
      <TextareaField
        field={fields.reason}
        label="Reason (the customer is told the booking is cancelled)"
        rows={3}
        maxLength={500}
        required
      />
      <ChoiceField
        field={fields.refund}
        legend={`Money paid so far: ${formatMoney(booking.paidCents, money)}`}
        choices={[
          {
            value: 'yes',
            label:
              'Refund everything (cards through the payment provider; cash and checks by hand)',
          },
          { value: 'no', label: 'Keep the money' },
        ]}
      />
      {booking.gratuityCents > 0 ? (
        <CheckboxField
          field={fields.refundGratuity}
          value="yes"
          className="field-inline"
          label={`Also refund the ${formatMoney(booking.gratuityCents, money)} gratuity (the chef's; kept unless you tick this)`}
        />
      ) : null}
    </ActionDialog>
  );
}

export function OutcomeDialog({ booking, open, onClose, onOutcome }: DialogProps) {
  const outcome = useBookingAction(
    booking.id,
    (status: 'COMPLETED' | 'NO_SHOW') =>
      api.markOutcome({ path: { id: booking.id }, body: { status, version: booking.version } }),
    () => {
      onClose();
      onOutcome('Outcome saved.');
    },
  );
  const { fields, formProps } = useApiForm<OutcomeValues, 'COMPLETED' | 'NO_SHOW'>({
    id: 'record-outcome',
    defaultValue: { status: 'COMPLETED' },
    toInput: toOutcomeInput,
    onValid: (status) => outcome.run(status),
    error: outcome.failure,
  });
  return (
    <ActionDialog
      open={open}
      title="How did the event go?"
      submitLabel="Save outcome"
      onClose={onClose}
      form={formProps}
      pending={outcome.busy}
      error={outcome.error}
    >
      <ChoiceField
        field={fields.status}
        legend="Outcome"
        choices={[
          { value: 'COMPLETED', label: 'Completed' },
          { value: 'NO_SHOW', label: 'No-show' },
        ]}
      />
    </ActionDialog>
  );
}
