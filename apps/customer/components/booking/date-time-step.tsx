'use client';

import { useQuery } from '@tanstack/react-query';
import type { TAvailabilityDays } from '@hibachi/core/availability/availability.schema';
import type { TStationSummary } from '@hibachi/core/stations/station.schema';
import { fieldOf, SelectField } from '@hibachi/web/field';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { api } from '@/lib/api';
import {
  formatDuration,
  formatLocalDate,
  formatTime,
  timeZoneLabel,
  todayIn,
} from '@hibachi/web/format';

const DURATIONS = [60, 90, 120, 150, 180, 240, 300, 360, 420, 480];

/** Open dates the server already read: used when the picker asks for the same ones. */
type InitialDays = { from: string; durationMinutes: number; data: TAvailabilityDays };

type Props = {
  station: TStationSummary;
  initialDays?: InitialDays;
  durationMinutes: number;
  date?: string;
  time?: string;
  onChange: (next: { durationMinutes?: number; date?: string; time?: string }) => void;
  onContinue: () => void;
};

export function DateTimeStep({
  station,
  initialDays,
  durationMinutes,
  date,
  time,
  onChange,
  onContinue,
}: Props) {
  return (
    <section aria-labelledby="when-heading" className="step">
      <h2 id="when-heading">When is your party?</h2>
      <p className="muted">
        Times are local to {station.name} ({timeZoneLabel(station.timezone)}).
      </p>
      {/* A lone control (no form library on the page's first load), in the one field block. */}
      <SelectField
        field={fieldOf('duration')}
        className="field-inline"
        label="How long should the chef cook?"
        value={durationMinutes}
        onChange={(event) =>
          onChange({ durationMinutes: Number(event.target.value), time: undefined })
        }
      >
        {DURATIONS.map((minutes) => (
          <option key={minutes} value={minutes}>
            {formatDuration(minutes)}
          </option>
        ))}
      </SelectField>
      <WidgetBoundary title="Available dates">
        <DayPicker
          station={station}
          initialDays={initialDays}
          durationMinutes={durationMinutes}
          date={date}
          onPick={(picked) => onChange({ date: picked, time: undefined })}
        />
      </WidgetBoundary>
      {date ? (
        <WidgetBoundary title="Start times">
          <TimePicker
            station={station}
            durationMinutes={durationMinutes}
            date={date}
            time={time}
            onPick={(picked) => onChange({ time: picked })}
          />
        </WidgetBoundary>
      ) : null}
      <div className="actions">
        <button type="button" className="button" disabled={!date || !time} onClick={onContinue}>
          Continue to details
        </button>
      </div>
    </section>
  );
}

export function DayPicker({
  station,
  initialDays,
  durationMinutes,
  date,
  onPick,
}: {
  station: TStationSummary;
  initialDays?: InitialDays;
  durationMinutes: number;
  date?: string;
  onPick: (date: string) => void;
}) {
  const from = todayIn(station.timezone);
  const days = useQuery({
    queryKey: ['availability-days', station.slug, from, durationMinutes],
    queryFn: () => api.availabilityDays(station.slug, from, durationMinutes),
    initialData:
      initialDays?.from === from && initialDays.durationMinutes === durationMinutes
        ? initialDays.data
        : undefined,
    throwOnError: true,
  });
  if (days.isPending)
    return (
      <p aria-busy="true" className="muted">
        Finding open dates…
      </p>
    );
  const list = days.data?.days ?? [];
  const notice = `bookings need ${station.minimumNoticeHours} hours' notice`;
  return (
    <fieldset className="day-grid-wrapper">
      <legend>Pick a date</legend>
      {list.some((day) => day.status === 'TOO_SOON') ? (
        <p className="small muted">
          Days marked “Too soon” are inside our notice: {notice}, so the chef can prepare.
        </p>
      ) : null}
      <div className="day-grid" role="group" aria-label="Dates">
        {list.map((day) => {
          const { label, spoken } = {
            OPEN: {
              label: `${day.openSlots} times`,
              spoken: `${day.openSlots} start times available`,
            },
            FULL: { label: 'Full', spoken: 'every chef is booked' },
            TOO_SOON: { label: 'Too soon', spoken: notice },
            CLOSED: { label: 'Closed', spoken: 'we are closed that day' },
          }[day.status];
          return (
            <button
              key={day.date}
              type="button"
              className={
                day.status === 'TOO_SOON'
                  ? 'day too-soon'
                  : day.status === 'CLOSED'
                    ? 'day closed'
                    : 'day'
              }
              aria-pressed={day.date === date}
              disabled={day.status !== 'OPEN'}
              onClick={() => onPick(day.date)}
              title={day.status === 'TOO_SOON' ? notice : undefined}
            >
              {/* The name is the visible text plus the words it abbreviates (WCAG 2.5.3). */}
              <span className="day-weekday">{formatLocalDate(day.date, { weekday: 'short' })}</span>
              <span className="day-number">
                {formatLocalDate(day.date, { month: 'short', day: 'numeric' })}
              </span>
              <span className="day-status">{label}</span>
              <span className="visually-hidden">{`, ${formatLocalDate(day.date)}: ${spoken}`}</span>
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}

export function TimePicker({
  station,
  durationMinutes,
  date,
  time,
  onPick,
}: {
  station: TStationSummary;
  durationMinutes: number;
  date: string;
  time?: string;
  onPick: (time: string) => void;
}) {
  const availability = useQuery({
    queryKey: ['availability', station.slug, date, durationMinutes],
    queryFn: () => api.availability(station.slug, date, durationMinutes),
    throwOnError: true,
  });
  if (availability.isPending)
    return (
      <p aria-busy="true" className="muted">
        Checking the chefs’ schedules…
      </p>
    );
  const slots = availability.data?.slots ?? [];
  if (slots.every((slot) => slot.available === 0)) {
    return (
      <p className="notice">
        Every chef is booked on {formatLocalDate(date)}. Please pick another date.
      </p>
    );
  }
  return (
    <fieldset>
      <legend>Pick a start time on {formatLocalDate(date)}</legend>
      <div className="time-grid" role="group" aria-label="Start times">
        {slots.map((slot) => (
          <button
            key={slot.time}
            type="button"
            className="time"
            aria-pressed={slot.time === time}
            disabled={slot.available === 0}
            onClick={() => onPick(slot.time)}
          >
            <span>{formatTime(slot.time)}</span>
            <span className="time-capacity">
              {slot.available === 0
                ? 'Full'
                : slot.available === 1
                  ? '1 chef left'
                  : `${slot.available} chefs free`}
            </span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}
