/** Every IANA zone the browser knows, for a time zone list (`current` always in it). */
export function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}
