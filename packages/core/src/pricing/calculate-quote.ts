import type { TMenuLine } from '../menu/menu.schema';
import { formatMoney, type MoneyFormat } from '../money/format-money';
import type { TQuote, TQuoteLine } from './quote.schema';

/** The per-guest prices, minimum and deposit a quote uses: the station's, or a booking's own. */
export type QuotePrices = {
  adultPriceCents: number;
  childPriceCents: number;
  minimumCents: number;
  depositCents: number;
};

/** A travel charge as quoted (see travel-fee.ts). */
export type TravelCharge = { feeCents: number; label: string };

/**
 * A discount or surcharge staff gave: a percent of the price before adjustments, or a fixed
 * amount in minor units (exactly one of them), and the label the customer sees.
 */
export type PriceAdjustment = {
  kind: 'DISCOUNT' | 'SURCHARGE';
  percent: number | null;
  amountCents: number | null;
  label: string;
};

/** What an adjustment takes off or adds, in minor units, on a price before adjustments. */
export function adjustmentCents(adjustment: PriceAdjustment, subtotalCents: number): number {
  const size =
    adjustment.percent !== null
      ? Math.round((subtotalCents * adjustment.percent) / 100)
      : (adjustment.amountCents ?? 0);
  return adjustment.kind === 'DISCOUNT' ? -size : size;
}

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/**
 * The price of an event in the station's minor units, the one pricing rule (quotes,
 * bookings, menu changes): guests at their prices, the menu's priced lines (upgrades per
 * choice, extras per portion, add-ons per event), topped up to the event minimum (which
 * covers the food, not travel), then travel, then staff's discounts and surcharges (never
 * below zero). The deposit is the station's (or the booking's own), never more than the
 * total. Browser-safe and pure.
 */
export function calculateQuote(options: {
  prices: QuotePrices;
  money: MoneyFormat;
  party: { adults: number; children: number };
  lines?: readonly TMenuLine[];
  travel?: TravelCharge | null;
  adjustments?: readonly PriceAdjustment[];
}): TQuote {
  const { prices, money, party } = options;
  const format = (amount: number) => formatMoney(amount, money);
  const lines: TQuoteLine[] = [
    {
      kind: 'GUESTS',
      label: `${party.adults} ${plural(party.adults, 'adult', 'adults')} × ${format(prices.adultPriceCents)}`,
      amountCents: party.adults * prices.adultPriceCents,
    },
  ];
  if (party.children > 0)
    lines.push({
      kind: 'GUESTS',
      label: `${party.children} ${plural(party.children, 'child', 'children')} × ${format(prices.childPriceCents)}`,
      amountCents: party.children * prices.childPriceCents,
    });
  for (const line of options.lines ?? []) {
    if (line.unitPriceCents === 0) continue;
    const unit =
      line.kind === 'UPGRADE' || line.kind === 'KIDS'
        ? `+${format(line.unitPriceCents)}`
        : format(line.unitPriceCents);
    lines.push({
      kind: 'MENU',
      label:
        line.kind === 'ADDON' && line.quantity === 1
          ? `${line.name} (${unit})`
          : `${line.quantity} × ${line.name} (${unit})`,
      amountCents: line.quantity * line.unitPriceCents,
    });
  }
  const food = lines.reduce((sum, line) => sum + line.amountCents, 0);
  if (food < prices.minimumCents)
    lines.push({
      kind: 'MINIMUM',
      label: `Event minimum ${format(prices.minimumCents)}`,
      amountCents: prices.minimumCents - food,
    });
  const travel = options.travel;
  if (travel && travel.feeCents > 0)
    lines.push({ kind: 'TRAVEL', label: travel.label, amountCents: travel.feeCents });
  const subtotalCents = Math.max(food, prices.minimumCents) + (travel?.feeCents ?? 0);
  // Staff's discounts and surcharges, each on the price before any of them; never below zero.
  let adjusted = subtotalCents;
  for (const adjustment of options.adjustments ?? []) {
    const amountCents = Math.max(adjustmentCents(adjustment, subtotalCents), -adjusted);
    adjusted += amountCents;
    lines.push({
      kind: adjustment.kind,
      label:
        adjustment.percent !== null
          ? `${adjustment.label} (${adjustment.percent}%)`
          : adjustment.label,
      amountCents,
    });
  }
  const totalCents = adjusted;
  const depositCents = Math.min(prices.depositCents, totalCents);
  return {
    currency: money.currency,
    lines,
    totalCents,
    depositCents,
    balanceCents: totalCents - depositCents,
  };
}

/** An adjustment as staff enter it (label optional) as the pricing rule takes it. */
export function toPriceAdjustment(adjustment: {
  kind: 'DISCOUNT' | 'SURCHARGE';
  percent?: number | undefined;
  amountCents?: number | undefined;
  label?: string | undefined;
}): PriceAdjustment {
  return {
    kind: adjustment.kind,
    percent: adjustment.percent ?? null,
    amountCents: adjustment.amountCents ?? null,
    label: adjustment.label ?? (adjustment.kind === 'DISCOUNT' ? 'Discount' : 'Surcharge'),
  };
}
