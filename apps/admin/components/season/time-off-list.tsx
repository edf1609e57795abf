'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TimeOffEntry } from '@hibachi/core/season/season.schema';
import { formatLocalDate, formatTime } from '@hibachi/web/format';
import { ActionNotices } from '@/components/form-messages';
import { api } from '@/lib/api';

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
  const remove = useMutation({
    mutationFn: (entry: TimeOffEntry) => api.deleteTimeOff({ path: { id: entry.id } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['season', slug] });
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
  if (entries.length === 0) return <p className="muted">No time off planned.</p>;
  return (
    <>
      <ul className="plain-list time-off-list" aria-label="Planned time off">
        {entries.map((entry) => (
          <li key={entry.id} data-testid="time-off-entry">
            <strong>{entry.chef}</strong>{' '}
            {entry.kind === 'DAYS'
              ? entry.from === entry.to
                ? formatLocalDate(entry.from)
                : `${formatLocalDate(entry.from)} – ${formatLocalDate(entry.to)}`
              : `${formatLocalDate(entry.date ?? entry.from)}, ${formatTime(entry.from)}–${formatTime(entry.to)}`}
            {entry.note ? <span className="muted"> · {entry.note}</span> : null}{' '}
            {chefs.some((chef) => chef.id === entry.chefId) ? (
              <button
                type="button"
                className="button secondary small"
                disabled={remove.isPending}
                onClick={() => remove.mutate(entry)}
              >
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <ActionNotices notice="" error={remove.error} />
    </>
  );
}
