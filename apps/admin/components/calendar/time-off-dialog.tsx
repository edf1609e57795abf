'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@hibachi/web/fetch-json';
import { formatLocalDate, formatTime } from '@hibachi/web/format';
import { api } from '@/lib/api';
import { fieldText } from '@/lib/form-helpers';
import { ActionDialog } from '../booking/action-dialog';

/** A span selected on a chef's column of the day view, to mark them off. */
export type TimeOffSelection = {
  chef: { id: string; name: string };
  date: string;
  from: string;
  to: string;
};

/** Marks a chef off for the hours selected on the calendar (refused over their events, or moving them). */
export function TimeOffDialog({
  slug,
  selection,
  onClose,
  onDone,
}: {
  slug: string;
  selection: TimeOffSelection | undefined;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: (input: { note: string | null; bookings: 'refuse' | 'reassign' }) =>
      api.createTimeOff({
        path: { slug },
        body: {
          kind: 'HOURS',
          chefId: selection?.chef.id ?? '',
          date: selection?.date ?? '',
          from: selection?.from ?? '',
          to: selection?.to ?? '',
          ...input,
        },
      }),
    onSuccess: ({ entry, reassigned }) => {
      void queryClient.invalidateQueries({ queryKey: ['season'] });
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
      onDone(
        `${entry.chef} is off ${formatTime(entry.from)}–${formatTime(entry.to)}.${reassigned.length > 0 ? ` ${reassigned.length} booking${reassigned.length === 1 ? '' : 's'} moved to other chefs.` : ''}`,
      );
      onClose();
    },
  });
  return (
    <ActionDialog
      open={selection !== undefined}
      title="Mark a chef off"
      submitLabel="Mark off"
      busy={add.isPending}
      error={add.error instanceof ApiError ? add.error.message : add.error?.message}
      onClose={() => {
        add.reset();
        onClose();
      }}
      onSubmit={(data) =>
        add.mutate({
          note: fieldText(data, 'note') || null,
          bookings: fieldText(data, 'bookings') === 'reassign' ? 'reassign' : 'refuse',
        })
      }
    >
      {selection ? (
        <p>
          {selection.chef.name}, {formatLocalDate(selection.date)}, {formatTime(selection.from)}–
          {formatTime(selection.to)}.
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="calendar-off-note">Note (optional)</label>
        <input id="calendar-off-note" name="note" maxLength={200} placeholder="Sick, dentist, …" />
      </div>
      <label className="field-inline">
        <input type="checkbox" name="bookings" value="reassign" /> Move their events then to free
        chefs
      </label>
    </ActionDialog>
  );
}
