'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TimeOffEntry, TTimeOffInput } from '@hibachi/core/season/season.schema';
import { formatLocalDate, formatTime } from '@hibachi/web/format';
import { ActionNotices } from '@/components/form-messages';
import { api } from '@/lib/api';
import { fieldText } from '@/lib/form-helpers';

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
  const change = useMutation({
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
                busy={change.isPending}
                onCancel={() => setEditing(undefined)}
                onSave={(body) => change.mutate({ id: entry.id, body })}
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
                    change.reset();
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
      <ActionNotices notice="" error={remove.error ?? change.error} />
    </>
  );
}

/** The same entry, other days or hours (the chef's booked events refuse it, as when adding). */
function EditEntry({
  entry,
  busy,
  onCancel,
  onSave,
}: {
  entry: TimeOffEntry;
  busy: boolean;
  onCancel: () => void;
  onSave: (body: TTimeOffInput) => void;
}) {
  return (
    <form
      className="inline-form"
      aria-label={`Change ${entry.chef}'s time off`}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const note = fieldText(data, 'note') || null;
        onSave(
          entry.kind === 'DAYS'
            ? {
                kind: 'DAYS',
                chefId: entry.chefId,
                from: fieldText(data, 'from'),
                to: fieldText(data, 'to'),
                note,
              }
            : {
                kind: 'HOURS',
                chefId: entry.chefId,
                date: fieldText(data, 'date'),
                from: fieldText(data, 'from'),
                to: fieldText(data, 'to'),
                note,
              },
        );
      }}
    >
      {entry.kind === 'DAYS' ? (
        <>
          <label>
            First day <input name="from" type="date" defaultValue={entry.from} required />
          </label>
          <label>
            Last day <input name="to" type="date" defaultValue={entry.to} required />
          </label>
        </>
      ) : (
        <>
          <label>
            Date <input name="date" type="date" defaultValue={entry.date ?? ''} required />
          </label>
          <label>
            From <input name="from" type="time" step={900} defaultValue={entry.from} required />
          </label>
          <label>
            Until <input name="to" type="time" step={900} defaultValue={entry.to} required />
          </label>
        </>
      )}
      <label>
        Note <input name="note" maxLength={200} defaultValue={entry.note ?? ''} />
      </label>
      <button type="submit" className="button" disabled={busy}>
        Save
      </button>
      <button type="button" className="button secondary" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
