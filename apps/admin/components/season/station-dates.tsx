'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { StationDateRule } from '@hibachi/core/season/season.schema';
import { formatLocalDate, formatTime } from '@hibachi/web/format';
import { ChoiceField } from '@hibachi/web/choice-field';
import { Field } from '@hibachi/web/field';
import { useApiForm } from '@hibachi/web/use-api-form';
import { ActionNotices } from '@/components/action-notices';
import { api } from '@/lib/api';
import { toStationDateInput, type StationDateValues } from './season-values';

type DateChange = ReturnType<typeof toStationDateInput>;

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
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['season', slug] });
  const saveDate = useMutation({
    mutationFn: (change: DateChange) =>
      api.setStationDate({ path: { slug, date: change.date }, body: change.body }),
    onSuccess: refresh,
  });
  const clearDate = useMutation({
    mutationFn: (date: string) => api.clearStationDate({ path: { slug, date } }),
    onSuccess: refresh,
  });
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
                  disabled={clearDate.isPending}
                  onClick={() => clearDate.mutate(rule.date)}
                >
                  Usual hours again
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <StationDateForm
          today={today}
          pending={saveDate.isPending}
          error={saveDate.error}
          onSave={(change) => saveDate.mutate(change)}
        />
      ) : (
        <p className="muted small">Managers set closed dates and other hours.</p>
      )}
    </>
  );
}

/** Closes a date, or gives it other first and last starts. */
function StationDateForm({
  today,
  pending,
  error,
  onSave,
}: {
  today: string;
  pending: boolean;
  error: Error | null;
  onSave: (change: DateChange) => void;
}) {
  const [closed, setClosed] = useState(true);
  const { fields, formProps } = useApiForm<StationDateValues, DateChange>({
    id: 'station-date',
    defaultValue: { date: '', closed: 'closed', note: '' },
    toInput: toStationDateInput,
    onValid: onSave,
    error,
  });
  return (
    <form {...formProps} aria-label="Close a date or change its hours">
      <div className="field-row">
        <Field field={fields.date} label="Date" type="date" min={today} required />
        <ChoiceField
          field={fields.closed}
          legend="That day"
          onChoose={(value) => setClosed(value === 'closed')}
          choices={[
            { value: 'closed', label: 'Closed' },
            { value: 'other', label: 'Other hours' },
          ]}
        />
      </div>
      {!closed ? (
        <div className="field-row">
          <Field field={fields.firstStart} label="First start" type="time" step={900} required />
          <Field field={fields.lastStart} label="Last start" type="time" step={900} required />
        </div>
      ) : null}
      <Field
        field={fields.note}
        label="Note (optional, customers see it)"
        maxLength={200}
        placeholder="Thanksgiving"
      />
      <button type="submit" className="button" disabled={pending}>
        Save the date
      </button>
      <ActionNotices notice="" error={error} />
    </form>
  );
}
