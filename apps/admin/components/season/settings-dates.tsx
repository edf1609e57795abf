'use client';

import { useQuery } from '@tanstack/react-query';
import { todayIn } from '@hibachi/web/format';
import { api } from '@/lib/api';
import { addDays } from '@/lib/date-ranges';
import { StationDates } from './station-dates';

/** Settings' card for the station's closed dates and other hours (the same as on Time off). */
export function SettingsDates({ station }: { station: { slug: string; timezone: string } }) {
  const today = todayIn(station.timezone);
  const query = { from: today, to: addDays(today, 365) };
  const season = useQuery({
    queryKey: ['season', station.slug, query],
    queryFn: () => api.season({ path: { slug: station.slug }, query }),
    throwOnError: true,
  });
  return (
    <section className="card" aria-labelledby="settings-dates-heading">
      <h2 id="settings-dates-heading">Closed dates and other hours</h2>
      {season.data ? (
        <StationDates slug={station.slug} dates={season.data.dates} today={today} editable />
      ) : (
        <p role="status" className="muted">
          Loading dates…
        </p>
      )}
    </section>
  );
}
