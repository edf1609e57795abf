import { requireActiveStation } from '../stations/require-active-station';
import { parseInput } from '../validation';
import { priceEvent } from './price-event';
import { ZQuoteInput, type TQuote } from './quote.schema';

/** POST /api/quotes: the lines, total and deposit of a party, its menu and its address. */
export async function quotePrice(options: { input: unknown }): Promise<TQuote> {
  const input = parseInput(ZQuoteInput, options.input);
  const station = await requireActiveStation(input.station);
  const priced = priceEvent(station, {
    party: input,
    menu: input.menu,
    postalCode: input.postalCode,
    currency: input.currency,
  });
  return { ...priced.quote, travelNeedsAddress: priced.travelNeedsAddress };
}
