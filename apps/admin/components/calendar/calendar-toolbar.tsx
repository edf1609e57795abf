'use client';

import type { Calendar } from '@hibachi/core/bookings';
import { Field, fieldOf, SelectField } from '@hibachi/web/field';
import { timeZoneLabel, todayIn } from '@hibachi/web/format';
import Link from 'next/link';
import { CALENDAR_VIEWS, shiftDate, type CalendarView } from '@/lib/calendar-range';
import { newBookingHref } from '@/lib/new-booking-href';
import type { FilterChanges } from '@/lib/use-search-param-filter';

const VIEW_LABELS: Record<CalendarView, string> = {
  week: 'Week',
  month: 'Month',
  day: 'Day by chef',
};

/**
 * Today, back and forward, a date, the view and the chef filter; the zone the times are in;
 * a new booking on the date shown (for the chef filtered to), for keyboard users too.
 */
export function CalendarToolbar({
  view,
  date,
  chefFilter,
  chefs,
  station,
  updating,
  setParams,
  canCreate,
}: {
  view: CalendarView;
  date: string;
  chefFilter: string;
  chefs: Calendar['chefs'];
  station: { slug: string; name: string; timezone: string };
  updating: boolean;
  setParams: (changes: FilterChanges) => void;
  canCreate: boolean;
}) {
  return (
    <div className="calendar-toolbar" role="toolbar" aria-label="Calendar navigation">
      <div className="button-group">
        <button
          type="button"
          className="button secondary"
          onClick={() => setParams({ date: undefined })}
        >
          Today
        </button>
        <button
          type="button"
          className="button secondary"
          aria-label="Previous"
          onClick={() => setParams({ date: shiftDate(view, date, -1) })}
        >
          ‹
        </button>
        <button
          type="button"
          className="button secondary"
          aria-label="Next"
          onClick={() => setParams({ date: shiftDate(view, date, 1) })}
        >
          ›
        </button>
      </div>
      <Field
        field={fieldOf('calendar-date')}
        label="Date"
        inline
        className="inline-field"
        type="date"
        value={date}
        onChange={(event) => event.target.value && setParams({ date: event.target.value })}
      />
      <div className="button-group" role="group" aria-label="View">
        {CALENDAR_VIEWS.map((option) => (
          <button
            key={option}
            type="button"
            className={`button ${option === view ? '' : 'secondary'}`}
            aria-pressed={option === view}
            onClick={() => setParams({ view: option === 'week' ? undefined : option })}
          >
            {VIEW_LABELS[option]}
          </button>
        ))}
      </div>
      <SelectField
        field={fieldOf('calendar-chef')}
        label="Chef"
        inline
        className="inline-field"
        value={chefFilter}
        onChange={(event) => setParams({ chef: event.target.value || undefined })}
      >
        <option value="">All chefs</option>
        {chefs.map((chef) => (
          <option key={chef.id} value={chef.id}>
            {chef.name}
          </option>
        ))}
      </SelectField>
      {canCreate ? (
        <Link
          className="button"
          href={newBookingHref({
            station: station.slug,
            // A day gone by starts the form today instead.
            date: date >= todayIn(station.timezone) ? date : undefined,
            chef: chefFilter || undefined,
          })}
        >
          New booking
        </Link>
      ) : null}
      <p className="muted small zone-label">
        {station.name} · times in <strong>{timeZoneLabel(station.timezone)}</strong>
        {updating ? ' · updating…' : ''}
      </p>
    </div>
  );
}

/** Who is which colour, and what the marks mean. */
export function ChefLegend({ chefs }: { chefs: Calendar['chefs'] }) {
  return (
    <ul className="chef-legend" aria-label="Chefs">
      {chefs.map((chef) => (
        <li key={chef.id}>
          <span className="chef-dot" style={{ background: chef.color }} aria-hidden="true" />
          {chef.name}
          {chef.active ? '' : ' (inactive)'}
        </li>
      ))}
      <li className="legend-held">held (awaiting deposit)</li>
      <li>
        <span className="balance-flag">$</span> balance due
      </li>
    </ul>
  );
}
