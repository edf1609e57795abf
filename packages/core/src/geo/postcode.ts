/**
 * Postal codes as travel pricing reads them. Browser-safe (no dataset here).
 * US: the first five digits. Canada: the forward sortation area (first three characters).
 * UK: the outward code (everything before the last three characters).
 */
export function normalisePostalCode(country: string, postalCode: string): string {
  const compact = postalCode.toUpperCase().replace(/\s+/g, '');
  if (country === 'US') return compact.slice(0, 5);
  if (country === 'CA') return compact.slice(0, 3);
  return compact;
}

/** The outward code of a UK postcode: "SW1A 1AA" → "SW1A", "E10 5NP" → "E10". */
export function outwardCode(postcode: string): string {
  const compact = postcode.toUpperCase().replace(/\s+/g, '');
  return compact.length > 4 ? compact.slice(0, -3) : compact;
}

/**
 * Whether a zone prefix covers an outward code: an area ("SW") covers its districts ("SW1",
 * "SW19"), a district ("E1") covers itself and its sub-districts ("E1W") but not "E10".
 */
export function zoneCovers(prefix: string, outward: string): boolean {
  const zone = prefix.toUpperCase().replace(/\s+/g, '');
  if (!outward.startsWith(zone)) return false;
  const rest = outward.slice(zone.length);
  if (rest === '') return true;
  const zoneEndsInDigit = /\d$/.test(zone);
  return zoneEndsInDigit ? !/^\d/.test(rest) : /^\d/.test(rest);
}
