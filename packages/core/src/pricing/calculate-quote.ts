import { formatMoney as money } from './format-money';
import type { TQuote } from './quote.schema';

export type StationPricing = {
  adultPriceCents: number;
  childPriceCents: number;
  minimumCents: number;
  depositCents: number;
};

/**
 * The price of an event in integer cents: guests at station prices, topped up to the
 * event minimum; the deposit is the station's deposit, never more than the total.
 * The one pricing rule: quotes and bookings both call it.
 */
export function calculateQuote(
  pricing: StationPricing,
  party: { adults: number; children: number },
): TQuote {
  const lines = [
    {
      label: `${party.adults} adult${party.adults === 1 ? '' : 's'} × ${money(pricing.adultPriceCents)}`,
      amountCents: party.adults * pricing.adultPriceCents,
    },
  ];
  if (party.children > 0) {
    lines.push({
      label: `${party.children} child${party.children === 1 ? '' : 'ren'} × ${money(pricing.childPriceCents)}`,
      amountCents: party.children * pricing.childPriceCents,
    });
  }
  const subtotal = lines.reduce((sum, line) => sum + line.amountCents, 0);
  if (subtotal < pricing.minimumCents) {
    lines.push({
      label: `Event minimum ${money(pricing.minimumCents)}`,
      amountCents: pricing.minimumCents - subtotal,
    });
  }
  const totalCents = Math.max(subtotal, pricing.minimumCents);
  const depositCents = Math.min(pricing.depositCents, totalCents);
  return { lines, totalCents, depositCents, balanceCents: totalCents - depositCents };
}
