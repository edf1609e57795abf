'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TTimeOffInput } from '@hibachi/core/season/season.schema';
import { ChoiceField } from '@hibachi/web/choice-field';
import { ApiError } from '@hibachi/web/fetch-json';
import { Field, SelectField } from '@hibachi/web/field';
import { useApiForm } from '@hibachi/web/use-api-form';
import { ActionNotices } from '@/components/action-notices';
import { api } from '@/lib/api';
import { toTimeOffInput, type TimeOffValues } from './season-values';

type Chef = { id: string; name: string };

/** Bookings a refusal lists: what to move (or reassign) before the time off fits. */
function listedBookings(error: unknown): { reference: string; date: string; time: string }[] {
  if (!(error instanceof ApiError)) return [];
  const bookings = error.details?.bookings;
  return Array.isArray(bookings)
    ? (bookings as { reference: string; date: string; time: string }[])
    : [];
}

/** A chef is away: whole days, or hours on one date; what happens to their booked events. */
export function TimeOffForm({
  slug,
  chefs,
  today,
}: {
  slug: string;
  chefs: Chef[];
  today: string;
}) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState('DAYS');
  const [notice, setNotice] = useState('');
  const add = useMutation({
    mutationFn: (body: TTimeOffInput) => api.createTimeOff({ path: { slug }, body }),
    onMutate: () => setNotice(''),
    onSuccess: ({ entry, reassigned }) => {
      void queryClient.invalidateQueries({ queryKey: ['season', slug] });
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
      setNotice(
        `Time off added for ${entry.chef}.${reassigned.length > 0 ? ` ${reassigned.map((booking) => `${booking.reference} now with ${booking.chef}`).join(', ')}.` : ''}`,
      );
    },
  });
  const { fields, formProps } = useApiForm<TimeOffValues, TTimeOffInput>({
    id: 'time-off',
    defaultValue: {
      chefId: chefs[0]?.id ?? '',
      kind: 'DAYS',
      from: '',
      to: '',
      note: '',
      bookings: 'refuse',
    },
    toInput: toTimeOffInput,
    onValid: (body) => add.mutate(body),
    error: add.error,
  });
  const clashes = listedBookings(add.error);
  const days = kind === 'DAYS';
  // Days and hours share `from` and `to` (dates, or times): a new kind starts them empty.
  const span = (name: 'from' | 'to', label: string) => (
    <Field
      key={`${kind}-${name}`}
      field={fields[name]}
      label={label}
      type={days ? 'date' : 'time'}
      {...(days ? { min: today } : { step: 900 })}
      required
    />
  );
  return (
    <form {...formProps} className="time-off-form" aria-label="Add time off">
      <div className="field-row">
        <SelectField field={fields.chefId} label="Chef" required>
          {chefs.map((chef) => (
            <option key={chef.id} value={chef.id}>
              {chef.name}
            </option>
          ))}
        </SelectField>
        <ChoiceField
          field={fields.kind}
          legend="Away for"
          onChoose={setKind}
          choices={[
            { value: 'DAYS', label: 'Whole days' },
            { value: 'HOURS', label: 'Some hours' },
          ]}
        />
      </div>
      {days ? (
        <div className="field-row">
          {span('from', 'First day')}
          {span('to', 'Last day')}
        </div>
      ) : (
        <div className="field-row">
          <Field field={fields.date} label="Date" type="date" min={today} required />
          {span('from', 'From')}
          {span('to', 'Until')}
        </div>
      )}
      <Field
        field={fields.note}
        label="Note (optional)"
        maxLength={200}
        placeholder="Holiday, sick, …"
      />
      <ChoiceField
        field={fields.bookings}
        legend="If the chef has events then"
        choices={[
          {
            value: 'refuse',
            label: 'Do not add the time off; show me the events',
          },
          {
            value: 'reassign',
            label: 'Move them all to free chefs (or nothing, if one cannot move)',
          },
        ]}
      />
      <button type="submit" className="button" disabled={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add time off'}
      </button>
      <ActionNotices notice={notice} error={add.error} />
      {clashes.length > 0 ? (
        <ul className="plain-list" aria-label="Events in the way">
          {clashes.map((booking) => (
            <li key={booking.reference}>
              {booking.reference} · {booking.date} {booking.time}
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
