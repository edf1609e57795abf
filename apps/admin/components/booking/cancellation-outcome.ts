import type { TStaffCancellation } from '@hibachi/core/bookings/staff-cancel.schema';
import { formatMoney, type MoneyFormat } from '@hibachi/web/format';

/** What staff are told after a cancellation: where each part of the money went. */
export function cancellationOutcome(
  { refund, gratuity }: Pick<TStaffCancellation, 'refund' | 'gratuity'>,
  money: MoneyFormat,
): string {
  const tip =
    gratuity.refundedCents > 0
      ? ` The ${formatMoney(gratuity.refundedCents, money)} gratuity is being refunded too.`
      : gratuity.keptCents > 0
        ? ` The ${formatMoney(gratuity.keptCents, money)} gratuity stays with the chef.`
        : '';
  if (refund.status === 'NONE') return 'Booking cancelled. No money had been paid.';
  if (refund.status === 'NOT_REFUNDED')
    return `Booking cancelled. ${formatMoney(refund.keptCents, money)} kept (no refund).${tip}`;
  const parts = [
    refund.cardCents > 0
      ? `${formatMoney(refund.cardCents, money)} ${refund.status === 'REFUNDED' ? 'refunded' : 'is being refunded'} to the card.`
      : '',
    refund.offlineCents > 0
      ? `Hand back ${formatMoney(refund.offlineCents, money)} paid in cash or by check.`
      : '',
  ].filter(Boolean);
  return `Booking cancelled. ${parts.join(' ')}${tip}`;
}
