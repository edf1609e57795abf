'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { StationDateRule } from '@hibachi/core/season/season.schema';
import { formatLocalDate, formatTime } from '@hibachi/web/format';
import { ActionNotices, FieldError } from '@/components/form-messages';
import { api } from '@/lib/api';
import { fieldMessages, fieldText } from '@/lib/form-helpers';

/** Holidays and other hours: the dates customers cannot book, or book at other times. */
export function StationDates({
  slug,
  dates,
  today,
  editable,
}: {
  slug: string;
  dates: StationDateRule[];
  today: string;
  editable: boolean;
}) {
  const queryClient = useQueryClient();
  const [closed, setClosed] = useState(true);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['season', slug] });
  const set = useMutation({
    mutationFn: (change: {
      date: string;
      body: Parameters<typeof api.setStationDate>[0]['body'];
    }) => api.setStationDate({ path: { slug, date: change.date }, body: change.body }),
    onSuccess: refresh,
  });
  const clear = useMutation({
    mutationFn: (date: string) => api.clearStationDate({ path: { slug, date } }),
    onSuccess: refresh,
  });
  const errors = fieldMessages(set.error);
  return (
    <>
      {dates.length === 0 ? (
        <p className="muted">Open every day on the usual hours.</p>
      ) : (
        <ul className="plain-list" aria-label="Dates with other hours">
          {dates.map((rule) => (
            <li key={rule.date} data-testid="station-date">
              <strong>{formatLocalDate(rule.date)}</strong>{' '}
              {rule.closed
                ? 'closed'
                : `starts ${formatTime(rule.firstStart ?? '')}–${formatTime(rule.lastStart ?? '')}`}
              {rule.note ? <span className="muted"> · {rule.note}</span> : null}{' '}
              {editable ? (
                <button
                  type="button"
                  className="button secondary small"
                  disabled={clear.isPending}
                  onClick={() => clear.mutate(rule.date)}
                >
                  Usual hours again
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <form
          aria-label="Close a date or change its hours"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            set.mutate({
              date: fieldText(data, 'date'),
              body: closed
                ? { closed: true, note: fieldText(data, 'note') || null }
                : {
                    closed: false,
                    firstStart: fieldText(data, 'firstStart'),
                    lastStart: fieldText(data, 'lastStart'),
                    note: fieldText(data, 'note') || null,
                  },
            });
          }}
        >
          <div className="field-row">
            <div className="field">
              <label htmlFor="station-date">Date</label>
              <input id="station-date" name="date" type="date" min={today} required />
              <FieldError errors={errors} name="date" prefix="station-date" />
            </div>
            <fieldset className="field">
              <legend>That day</legend>
              <label className="field-inline">
                <input type="radio" checked={closed} onChange={() => setClosed(true)} /> Closed
              </label>
              <label className="field-inline">
                <input type="radio" checked={!closed} onChange={() => setClosed(false)} /> Other
                hours
              </label>
            </fieldset>
          </div>
          {!closed ? (
            <div className="field-row">
              <div className="field">
                <label htmlFor="station-date-first">First start</label>
                <input id="station-date-first" name="firstStart" type="time" step={900} required />
              </div>
              <div className="field">
                <label htmlFor="station-date-last">Last start</label>
                <input id="station-date-last" name="lastStart" type="time" step={900} required />
                <FieldError errors={errors} name="lastStart" prefix="station-date" />
              </div>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="station-date-note">Note (optional, customers see it)</label>
            <input id="station-date-note" name="note" maxLength={200} placeholder="Thanksgiving" />
          </div>
          <button type="submit" className="button" disabled={set.isPending}>
            Save the date
          </button>
          <ActionNotices notice="" error={set.error} />
        </form>
      ) : (
        <p className="muted small">Managers set closed dates and other hours.</p>
      )}
    </>
  );
}
