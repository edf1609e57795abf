import { cancellationOutcomeWords } from '@hibachi/core/money/cancellation-refund';
import type { TStaffCancellation } from '@hibachi/core/bookings/staff-cancel.schema';
import type { MoneyFormat } from '@hibachi/web/format';

/** What staff are told after a cancellation: what was paid, and where each part went. */
export function cancellationOutcome(
  { cancellation }: Pick<TStaffCancellation, 'cancellation'>,
  money: MoneyFormat,
): string {
  return cancellationOutcomeWords(cancellation, money);
}
