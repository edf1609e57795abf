import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { requireActiveStation } from '../stations/require-active-station';
import { requireStationInScope } from '../stations/station-in-scope';
import { parseInput } from '../validation';
import { toPriceAdjustment } from './calculate-quote';
import { priceEvent } from './price-event';
import { ZStaffQuoteInput, type TQuote } from './quote.schema';

/**
 * POST /api/admin/quotes: the website's quote at a station of the caller's scope, with the
 * discounts and surcharges of a phone order and a manager's deposit, as the booking will
 * price them.
 */
export async function quoteForStaff(options: StaffRequest & { input: unknown }): Promise<TQuote> {
  assertCan(options.scope, 'bookings.create');
  const input = parseInput(ZStaffQuoteInput, options.input);
  await requireStationInScope(options.scope, input.station);
  const station = await requireActiveStation(input.station);
  const priced = priceEvent(station, {
    party: input,
    menu: input.menu,
    postalCode: input.postalCode,
    currency: input.currency,
    adjustments: input.adjustments.map(toPriceAdjustment),
  });
  const quote = priced.quote;
  const depositCents =
    input.depositCents === undefined
      ? quote.depositCents
      : Math.min(input.depositCents, quote.totalCents);
  return {
    ...quote,
    depositCents,
    balanceCents: quote.totalCents - depositCents,
    travelNeedsAddress: priced.travelNeedsAddress,
  };
}
