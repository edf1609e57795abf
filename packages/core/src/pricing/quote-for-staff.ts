import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { requireStationInScope } from '../stations/station-in-scope';
import { parseInput } from '../validation';
import { quotePrice } from './quote-price';
import { ZQuoteInput, type TQuote } from './quote.schema';

/** POST /api/admin/quotes: the website's quote, for a station of the caller's scope. */
export async function quoteForStaff(options: StaffRequest & { input: unknown }): Promise<TQuote> {
  assertCan(options.scope, 'bookings.create');
  const { station } = parseInput(ZQuoteInput, options.input);
  await requireStationInScope(options.scope, station);
  return quotePrice({ input: options.input });
}
