'use client';

import type { StaffBookingDetail } from '@hibachi/core/bookings';
import { formatMoney, moneyOf } from '@hibachi/web/format';
import { useApiForm } from '@hibachi/web/use-api-form';
import { api } from '@/lib/api';
import { ActionDialog } from './action-dialog';
import { AdjustmentFields } from './adjustment-fields';
import {
  ADJUSTMENT_VALUES,
  adjustedText,
  adjustmentRefusal,
  toAdjustmentInput,
  type AdjustmentInput,
  type AdjustmentValues,
} from './adjustment-values';
import { useBookingAction } from './use-booking-action';

/**
 * A discount or surcharge on the booking's price (a percent of the price before adjustments
 * or an amount), sent at the version the page shows; a refusal says what to do and the page
 * reloads the booking either way.
 */
export function AdjustmentDialog({
  booking,
  open,
  onClose,
  onOutcome,
}: {
  booking: StaffBookingDetail;
  open: boolean;
  onClose: () => void;
  onOutcome: (message: string) => void;
}) {
  const money = moneyOf(booking);
  const adjust = useBookingAction(
    booking.id,
    (input: AdjustmentInput) =>
      api.adjustPrice({ path: { id: booking.id }, body: { ...input, version: booking.version } }),
    (result, input) => {
      onClose();
      onOutcome(
        adjustedText(
          result,
          { proposalVersion: booking.proposal.version, kind: input.kind },
          money,
        ),
      );
    },
  );
  const { fields, formProps } = useApiForm<AdjustmentValues, AdjustmentInput>({
    id: 'add-adjustment',
    defaultValue: ADJUSTMENT_VALUES,
    toInput: (values) => toAdjustmentInput(values, booking.currency),
    onValid: (body) => adjust.run(body),
    error: adjust.failure,
  });
  return (
    <ActionDialog
      open={open}
      title="Add a discount or surcharge"
      submitLabel="Add to the price"
      onClose={onClose}
      form={formProps}
      pending={adjust.busy}
      error={adjustmentRefusal(adjust.failure)}
    >
      <p className="muted">
        Total now {formatMoney(booking.totalCents, money)}; paid{' '}
        {formatMoney(booking.paidCents, money)}. A change to an accepted price is sent to the
        customer to accept again.
      </p>
      <AdjustmentFields fields={fields} currency={booking.currency} />
    </ActionDialog>
  );
}
