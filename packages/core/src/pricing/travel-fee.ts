import 'server-only';
import type { TravelMode } from '../generated/prisma/client';
import { formatMoney, type MoneyFormat } from '../money/format-money';
import { outwardCode, zoneCovers } from '../geo/postcode';
import { greatCircleMiles, postalCodeLocation } from '../geo/postcode-location';

/** How a station charges for travel (its settings and zones). */
export type TravelPolicy = {
  travelMode: TravelMode;
  country: string;
  name: string;
  travelOriginPostalCode: string | null;
  travelFreeMiles: number;
  travelFeePerMileCents: number;
  travelMaxMiles: number | null;
  travelZones: readonly { prefix: string; label: string; feeCents: number }[];
};

export type TravelQuote =
  | { served: true; feeCents: number; label: string; miles?: number }
  | { served: false; reason: string };

/**
 * The travel line for an address, or why the station does not go there. DISTANCE: the
 * great-circle distance from the station's origin over the offline US/Canada postcode data
 * (the `zipcodes` package) rounded to the nearest mile, free within the radius, a fee per mile
 * beyond it, refused past the edge of the service area. ZONES (countries without postcode data, e.g. the UK): the
 * most specific zone whose prefix covers the postcode's outward code; none covers it: refused.
 */
export function travelFor(
  policy: TravelPolicy,
  postalCode: string,
  money: MoneyFormat,
): TravelQuote {
  if (policy.travelMode === 'NONE') return { served: true, feeCents: 0, label: '' };
  if (policy.travelMode === 'ZONES') {
    const outward = outwardCode(postalCode);
    const zone = [...policy.travelZones]
      .sort((a, b) => b.prefix.length - a.prefix.length)
      .find((candidate) => zoneCovers(candidate.prefix, outward));
    if (!zone)
      return {
        served: false,
        reason: `${policy.name} does not come to postcode ${postalCode.toUpperCase()}: see the areas we serve`,
      };
    return {
      served: true,
      feeCents: zone.feeCents,
      label: zone.feeCents > 0 ? `Travel, ${zone.label}` : '',
    };
  }
  const origin = postalCodeLocation(policy.country, policy.travelOriginPostalCode ?? '');
  const destination = postalCodeLocation(policy.country, postalCode);
  if (!origin) throw new Error(`the travel origin of ${policy.name} is not a known postcode`);
  if (!destination)
    return { served: false, reason: 'We could not find this postal code; check it and try again' };
  const miles = greatCircleMiles(origin, destination);
  if (policy.travelMaxMiles !== null && Math.round(miles) > policy.travelMaxMiles)
    return {
      served: false,
      reason: `This address is about ${Math.round(miles)} miles from ${policy.name}; we travel up to ${policy.travelMaxMiles}`,
    };
  const beyond = Math.max(0, Math.round(miles) - policy.travelFreeMiles);
  const feeCents = beyond * policy.travelFeePerMileCents;
  return {
    served: true,
    miles: Math.round(miles * 10) / 10,
    feeCents,
    label:
      feeCents > 0
        ? `Travel, ${beyond} mi beyond the free ${policy.travelFreeMiles} (${formatMoney(policy.travelFeePerMileCents, money)}/mi)`
        : '',
  };
}
