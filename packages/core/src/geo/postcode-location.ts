import 'server-only';
import zipcodes from 'zipcodes';
import { normalisePostalCode } from './postcode';

export type Location = { latitude: number; longitude: number };

/**
 * Where a US or Canadian postal code is, from the offline dataset of the `zipcodes` package
 * (US ZIP codes and Canadian forward sortation areas); undefined for any other.
 */
export function postalCodeLocation(country: string, postalCode: string): Location | undefined {
  if (country !== 'US' && country !== 'CA') return undefined;
  const found = zipcodes.lookup(normalisePostalCode(country, postalCode));
  return found ? { latitude: found.latitude, longitude: found.longitude } : undefined;
}

const EARTH_RADIUS_MILES = 3958.8;

/** Great-circle (haversine) miles between two points: roads are longer, and the fee says so. */
export function greatCircleMiles(a: Location, b: Location): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(h));
}
