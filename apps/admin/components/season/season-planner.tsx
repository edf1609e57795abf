'use client';

import { useQuery } from '@tanstack/react-query';
import { addDays } from '@/lib/date-ranges';
import { todayIn } from '@hibachi/web/format';
import { api } from '@/lib/api';
import { StationDates } from './station-dates';
import { TimeOffForm } from './time-off-form';
import { TimeOffList } from './time-off-list';
import { WeeklyDaysOff } from './weekly-days-off';

export type SeasonStation = { slug: string; timezone: string };

/** How far ahead the page lists time off and date rules. */
const AHEAD_DAYS = 365;

/** The season of a station: chefs' time off, their weekly days off, closed dates and other hours. */
export function SeasonPlanner({
  station,
  canEditDates,
}: {
  station: SeasonStation;
  canEditDates: boolean;
}) {
  const from = todayIn(station.timezone);
  const query = { from, to: addDays(from, AHEAD_DAYS) };
  const season = useQuery({
    queryKey: ['season', station.slug, query],
    queryFn: () => api.season({ path: { slug: station.slug }, query }),
    throwOnError: true,
  });
  if (!season.data)
    return (
      <p role="status" className="muted">
        Loading time off…
      </p>
    );
  const data = season.data;
  const chefs = data.chefs.filter((chef) => chef.active);
  return (
    <div className="season">
      <section className="card" aria-labelledby="time-off-heading">
        <h2 id="time-off-heading">Chef time off</h2>
        <p className="muted small">
          A chef away is not offered to customers, not assigned and not a drop target on the
          calendar. Over booked events you choose: refuse, or move them all to free chefs.
        </p>
        <TimeOffForm slug={station.slug} chefs={chefs} today={from} />
        <TimeOffList slug={station.slug} entries={data.timeOff} chefs={chefs} />
      </section>
      <section className="card" aria-labelledby="weekly-heading">
        <h2 id="weekly-heading">Weekly days off</h2>
        <WeeklyDaysOff slug={station.slug} chefs={chefs} weeklyOff={data.weeklyOff} />
      </section>
      <section className="card" aria-labelledby="dates-heading">
        <h2 id="dates-heading">Closed dates and other hours</h2>
        <StationDates slug={station.slug} dates={data.dates} today={from} editable={canEditDates} />
      </section>
    </div>
  );
}
