/** The New booking page for a station, started at a date, start and chef (each optional). */
export function newBookingHref(prefill: {
  station?: string | undefined;
  date?: string | undefined;
  time?: string | undefined;
  chef?: string | undefined;
}): string {
  const query = new URLSearchParams(
    Object.entries(prefill).flatMap(([name, value]) => (value ? [[name, value]] : [])),
  ).toString();
  return query ? `/bookings/new?${query}` : '/bookings/new';
}
