import 'server-only';
import { AppError } from '../errors/app-error';
import { linesFor, selectionIssues, type SelectionIssue } from '../menu/menu-selection';
import type { TMenuLine, TMenuSelection } from '../menu/menu.schema';
import type { StationWithMenu } from '../stations/station-cache';
import {
  calculateQuote,
  type PriceAdjustment,
  type QuotePrices,
  type TravelCharge,
} from './calculate-quote';
import type { TQuote } from './quote.schema';
import { travelFor } from './travel-fee';

export type PricedEvent = {
  quote: TQuote;
  lines: TMenuLine[];
  travel: TravelCharge | null;
  /** The station charges for travel and the address is not known yet. */
  travelNeedsAddress: boolean;
};

/** Refusals of a party's request, at their fields (`menu…`, the postal code field). */
function selectionRefusedError(issues: SelectionIssue[]): AppError {
  const details: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const issue of issues) (details[issue.path] ??= []).push(issue.message);
  return new AppError('VALIDATION_FAILED', issues[0]?.message ?? 'Please check the menu.', {
    details,
  });
}

/**
 * Prices a party at a station: its menu choices checked against the station's menu (or, for
 * a booking's change, with the lines it already holds), the travel fee for its postal code
 * (a postcode the station does not serve is refused on `postalCodeField`), and the quote.
 * A new event uses the station's prices now; a booking's change passes its own `prices`
 * and `travel`, so nothing it was quoted changes.
 */
export function priceEvent(
  station: StationWithMenu,
  request: {
    party: { adults: number; children: number };
    menu: TMenuSelection;
    postalCode?: string;
    postalCodeField?: string;
    /** The currency the client expects (refused when it is not the station's). */
    currency?: string;
    /** A new event's discounts and surcharges (staff's phone orders). */
    adjustments?: readonly PriceAdjustment[];
  },
  booking?: {
    prices: QuotePrices;
    lines: readonly TMenuLine[];
    travel: TravelCharge | null;
    adjustments: readonly PriceAdjustment[];
  },
): PricedEvent {
  const issues = selectionIssues({
    choices: request.menu,
    items: station.menuItems,
    party: request.party,
    proteinsPerAdult: station.proteinsPerAdult,
    previous: booking?.lines,
  });
  if (request.currency !== undefined && request.currency !== station.currency)
    issues.push({
      path: 'currency',
      message: `${station.name} charges in ${station.currency}, not ${request.currency}`,
    });
  let travel: TravelCharge | null = booking?.travel ?? null;
  let travelNeedsAddress = false;
  if (!booking) {
    if (station.travelMode !== 'NONE' && request.postalCode === undefined)
      travelNeedsAddress = true;
    else if (request.postalCode !== undefined) {
      const quoted = travelFor(station, request.postalCode, station);
      if (!quoted.served)
        issues.push({ path: request.postalCodeField ?? 'postalCode', message: quoted.reason });
      else if (quoted.feeCents > 0) travel = { feeCents: quoted.feeCents, label: quoted.label };
    }
  }
  if (issues.length > 0) throw selectionRefusedError(issues);
  const lines = linesFor(request.menu, station.menuItems, booking?.lines);
  const quote = calculateQuote({
    prices: booking?.prices ?? station,
    money: station,
    party: request.party,
    lines,
    travel,
    adjustments: booking?.adjustments ?? request.adjustments,
  });
  return { quote, lines, travel, travelNeedsAddress };
}
