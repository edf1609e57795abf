'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TTimeOffInput } from '@hibachi/core/season/season.schema';
import { CheckboxField } from '@hibachi/web/choice-field';
import { Field } from '@hibachi/web/field';
import { formatLocalDate, formatTime } from '@hibachi/web/format';
import { useApiForm } from '@hibachi/web/use-api-form';
import { api } from '@/lib/api';
import { ActionDialog } from '../booking/action-dialog';
import { toMarkOffInput, type MarkOffValues } from '../season/season-values';

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
  onMarkedOff,
}: {
  slug: string;
  selection: TimeOffSelection | undefined;
  onClose: () => void;
  /** Told what was marked off (and moved), for the calendar's toast. */
  onMarkedOff: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: (body: TTimeOffInput) => api.createTimeOff({ path: { slug }, body }),
    onSuccess: ({ entry, reassigned }) => {
      void queryClient.invalidateQueries({ queryKey: ['season'] });
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
      onMarkedOff(
        `${entry.chef} is off ${formatTime(entry.from)}–${formatTime(entry.to)}.${reassigned.length > 0 ? ` ${reassigned.length} booking${reassigned.length === 1 ? '' : 's'} moved to other chefs.` : ''}`,
      );
      onClose();
    },
  });
  const { fields, formProps } = useApiForm<MarkOffValues, TTimeOffInput>({
    id: 'calendar-off',
    defaultValue: { note: '' },
    toInput: (values) =>
      toMarkOffInput(values, {
        chefId: selection?.chef.id ?? '',
        date: selection?.date ?? '',
        from: selection?.from ?? '',
        to: selection?.to ?? '',
      }),
    onValid: (body) => add.mutate(body),
    error: add.error,
  });
  return (
    <ActionDialog
      open={selection !== undefined}
      title="Mark a chef off"
      submitLabel="Mark off"
      pending={add.isPending}
      error={add.error?.message}
      form={formProps}
      onClose={() => {
        add.reset();
        onClose();
      }}
    >
      {selection ? (
        <p>
          {selection.chef.name}, {formatLocalDate(selection.date)}, {formatTime(selection.from)}–
          {formatTime(selection.to)}.
        </p>
      ) : null}
      <Field
        field={fields.note}
        label="Note (optional)"
        maxLength={200}
        placeholder="Sick, dentist, …"
      />
      <CheckboxField
        field={fields.bookings}
        value="reassign"
        className="field-inline"
        label="Move their events then to free chefs"
      />
    </ActionDialog>
  );
}
