import type { TAdjustmentAnalytics } from '@hibachi/core/analytics/analytics.schema';
import { formatMoney } from '@hibachi/web/format';

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** "$55 off and $50 added on 1 booking" in the figures' currency and locale. */
export function discountsSummary(figures: TAdjustmentAnalytics): string {
  return `${formatMoney(figures.discountCents, figures)} off and ${formatMoney(figures.surchargeCents, figures)} added on ${plural(figures.bookings, 'booking')}`;
}

/** One staff member's row: "2 discounts, $80 off" / "1 surcharge, $50 added". */
export function staffDiscounts(
  row: TAdjustmentAnalytics['byStaff'][number],
  money: { currency: string; locale: string },
): { discounts: string; surcharges: string } {
  return {
    discounts:
      row.discounts === 0
        ? '—'
        : `${plural(row.discounts, 'discount')}, ${formatMoney(row.discountCents, money)} off`,
    surcharges:
      row.surcharges === 0
        ? '—'
        : `${plural(row.surcharges, 'surcharge')}, ${formatMoney(row.surchargeCents, money)} added`,
  };
}
