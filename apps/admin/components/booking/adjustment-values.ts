import type { z } from 'zod';
import type { StaffRole } from '@hibachi/core/auth/permissions';
import { can } from '@hibachi/core/auth/permissions';
import type { ZAdjustmentInput } from '@hibachi/core/bookings/create-booking.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import { toMinorUnits, toWholeNumber } from '@hibachi/web/form-values';
import { formatMoney, type MoneyFormat } from '@hibachi/web/format';

/**
 * The "Add discount or surcharge" form as text: the kind, whether it is a percent or an
 * amount (`size`, which of the two fields is on the form), the amount in major units of the
 * booking's currency, the label the customer sees and the reason kept for the records.
 */
export type AdjustmentValues = {
  kind?: string;
  size?: string;
  percent?: string;
  amountCents?: string;
  label?: string;
  reason?: string;
};

/** `POST …/adjustments` without the version (the dialog adds the version it was opened at). */
export type AdjustmentInput = z.input<typeof ZAdjustmentInput>;

export const ADJUSTMENT_VALUES: AdjustmentValues = { kind: 'DISCOUNT', size: 'percent' };

/** "10", "10%" or " 10 % " → 10; empty or unreadable → NaN (the schema says what is wrong). */
function toPercent(text: string | undefined): number {
  return toWholeNumber((text ?? '').replace('%', ''));
}

/** The body: only the chosen size is sent; the amount in minor units of `currency`. */
export function toAdjustmentInput(values: AdjustmentValues, currency: string): AdjustmentInput {
  const size =
    values.size === 'amount'
      ? { amountCents: toMinorUnits(values.amountCents, currency) }
      : { percent: toPercent(values.percent) };
  return {
    kind: values.kind === 'SURCHARGE' ? 'SURCHARGE' : 'DISCOUNT',
    ...size,
    ...(values.label?.trim() ? { label: values.label } : {}),
    reason: values.reason ?? '',
  };
}

/** An adjustment as the page lists it: "−10%", "+$50", "−¥5,000". */
export function adjustmentSize(
  adjustment: {
    kind: 'DISCOUNT' | 'SURCHARGE';
    percent: number | null;
    amountCents: number | null;
  },
  money: MoneyFormat,
): string {
  const sign = adjustment.kind === 'DISCOUNT' ? '−' : '+';
  return adjustment.percent !== null
    ? `${sign}${adjustment.percent}%`
    : `${sign}${formatMoney(adjustment.amountCents ?? 0, money)}`;
}

/** Whether this role may give a discount or surcharge on a booking in this state now. */
export function mayAdjustPrice(role: StaffRole, status: string): boolean {
  return (
    can(role, 'bookings.adjustPrice') && (status === 'PENDING_PAYMENT' || status === 'CONFIRMED')
  );
}

/**
 * What the dialog says when the API refuses: a stale screen (the booking is reloaded by then)
 * and a price below what was paid in words that say what to do; anything else as answered.
 */
export function adjustmentRefusal(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const reason = error instanceof ApiError ? error.details?.reason : undefined;
  if (reason === 'STALE_VERSION')
    return 'Someone changed this booking a moment ago, and it has been reloaded. Check the price, then add the adjustment again.';
  if (reason === 'BELOW_PAID')
    return `${error.message} Give a smaller discount, or refund part of the payment first.`;
  return error.message;
}

/** What the page says after an adjustment: the new total, and whether the customer must accept. */
export function adjustedText(
  result: { totalCents: number; proposalVersion: number },
  before: { proposalVersion: number; kind: 'DISCOUNT' | 'SURCHARGE' },
  money: MoneyFormat,
): string {
  const what = before.kind === 'DISCOUNT' ? 'Discount' : 'Surcharge';
  const total = `${what} added: the total is now ${formatMoney(result.totalCents, money)}.`;
  return result.proposalVersion > before.proposalVersion
    ? `${total} The customer is e-mailed proposal version ${result.proposalVersion} to accept.`
    : total;
}
