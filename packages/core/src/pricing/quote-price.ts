import { findActiveStation } from '../stations/find-active-station';
import { parseInput } from '../validation';
import { calculateQuote } from './calculate-quote';
import { ZQuoteInput, type TQuote } from './quote.schema';

/** POST /api/quotes */
export async function quotePrice(options: { input: unknown }): Promise<TQuote> {
  const input = parseInput(ZQuoteInput, options.input);
  const station = await findActiveStation(input.station);
  return calculateQuote(station, input);
}
