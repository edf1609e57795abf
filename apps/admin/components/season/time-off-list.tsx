'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TimeOffEntry, TTimeOffInput } from '@hibachi/core/season/season.schema';
import { Field } from '@hibachi/web/field';
import { formatLocalDate, formatTime } from '@hibachi/web/format';
import { useApiForm } from '@hibachi/web/use-api-form';
import { ActionNotices } from '@/components/action-notices';
import { api } from '@/lib/api';
import { SaveOrCancel } from '@/components/save-or-cancel';
import { toTimeOffInput, toTimeOffValues, type TimeOffValues } from './season-values';

/** What time off is coming, chef by chef, each with a way to take it back. */
export function TimeOffList({
  slug,
  entries,
  chefs,
}: {
  slug: string;
  entries: TimeOffEntry[];
  chefs: { id: string; name: string }[];
}) {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['season', slug] });
    void queryClient.invalidateQueries({ queryKey: ['calendar'] });
  };
  const remove = useMutation({
    mutationFn: (entry: TimeOffEntry) => api.deleteTimeOff({ path: { id: entry.id } }),
    onSuccess: refresh,
  });
  const [editing, setEditing] = useState<string>();
  const update = useMutation({
    mutationFn: (update: { id: string; body: TTimeOffInput }) =>
      api.updateTimeOff({ path: { id: update.id }, body: update.body }),
    onSuccess: () => {
      setEditing(undefined);
      refresh();
    },
  });
  if (entries.length === 0) return <p className="muted">No time off planned.</p>;
  return (
    <>
      <ul className="plain-list time-off-list" aria-label="Planned time off">
        {entries.map((entry) => (
          <li key={entry.id} data-testid="time-off-entry">
            {editing === entry.id ? (
              <EditEntry
                entry={entry}
                pending={update.isPending}
                error={update.error}
                onCancel={() => setEditing(undefined)}
                onSave={(body) => update.mutate({ id: entry.id, body })}
              />
            ) : null}
            <strong>{entry.chef}</strong>{' '}
            {entry.kind === 'DAYS'
              ? entry.from === entry.to
                ? formatLocalDate(entry.from)
                : `${formatLocalDate(entry.from)} – ${formatLocalDate(entry.to)}`
              : `${formatLocalDate(entry.date ?? entry.from)}, ${formatTime(entry.from)}–${formatTime(entry.to)}`}
            {entry.note ? <span className="muted"> · {entry.note}</span> : null}{' '}
            {chefs.some((chef) => chef.id === entry.chefId) ? (
              <>
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => {
                    update.reset();
                    setEditing(entry.id);
                  }}
                >
                  Change
                </button>{' '}
                <button
                  type="button"
                  className="button secondary small"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(entry)}
                >
                  Remove
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <ActionNotices notice="" error={remove.error ?? update.error} />
    </>
  );
}

/** The same entry, other days or hours (the chef's booked events refuse it, as when adding). */
function EditEntry({
  entry,
  pending,
  error,
  onCancel,
  onSave,
}: {
  entry: TimeOffEntry;
  pending: boolean;
  error: Error | null;
  onCancel: () => void;
  onSave: (body: TTimeOffInput) => void;
}) {
  const { fields, formProps } = useApiForm<TimeOffValues, TTimeOffInput>({
    id: `time-off-${entry.id}`,
    defaultValue: toTimeOffValues(entry),
    // The chef and the kind stay; only the span and the note change.
    toInput: (values) => toTimeOffInput({ ...values, chefId: entry.chefId, kind: entry.kind }),
    onValid: onSave,
    error,
  });
  const days = entry.kind === 'DAYS';
  return (
    <form {...formProps} className="inline-form" aria-label={`Change ${entry.chef}'s time off`}>
      {days ? null : <Field field={fields.date} label="Date" type="date" required />}
      <Field
        field={fields.from}
        label={days ? 'First day' : 'From'}
        type={days ? 'date' : 'time'}
        step={days ? undefined : 900}
        required
      />
      <Field
        field={fields.to}
        label={days ? 'Last day' : 'Until'}
        type={days ? 'date' : 'time'}
        step={days ? undefined : 900}
        required
      />
      <Field field={fields.note} label="Note" maxLength={200} />
      <SaveOrCancel pending={pending} onCancel={onCancel} />
    </form>
  );
}
