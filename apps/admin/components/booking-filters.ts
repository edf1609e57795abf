/** The bookings list's filter form as text. */
export type BookingFilterValues = { q: string; status: string; from: string; to: string };

export const FILTERS = ['status', 'from', 'to', 'q', 'station'] as const;

/** The filters the URL holds, as the form shows them. */
export function toBookingFilterValues(params: URLSearchParams): BookingFilterValues {
  return {
    q: params.get('q') ?? '',
    status: params.get('status') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

/** The URL's query for the filters chosen (empty ones left out), keeping the station. */
export function toBookingFilterQuery(values: BookingFilterValues, station: string | null): string {
  const params = new URLSearchParams();
  const chosen: Record<(typeof FILTERS)[number], string | null> = { ...values, station };
  for (const name of FILTERS) {
    const value = chosen[name]?.trim();
    if (value) params.set(name, value);
  }
  return params.toString();
}
