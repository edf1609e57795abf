'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TTimeOffInput } from '@hibachi/core/season/season.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import { ActionNotices, FieldError } from '@/components/form-messages';
import { api } from '@/lib/api';
import { fieldMessages, fieldText } from '@/lib/form-helpers';

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
  const [kind, setKind] = useState<'DAYS' | 'HOURS'>('DAYS');
  const [notice, setNotice] = useState('');
  const add = useMutation({
    mutationFn: (body: TTimeOffInput) => api.createTimeOff({ path: { slug }, body }),
    onMutate: () => setNotice(''),
    onSuccess: ({ entry, reassigned }, _body) => {
      void queryClient.invalidateQueries({ queryKey: ['season', slug] });
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
      setNotice(
        `Time off added for ${entry.chef}.${reassigned.length > 0 ? ` ${reassigned.map((booking) => `${booking.reference} now with ${booking.chef}`).join(', ')}.` : ''}`,
      );
    },
  });
  const errors = fieldMessages(add.error);
  const clashes = listedBookings(add.error);
  return (
    <form
      className="time-off-form"
      aria-label="Add time off"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const common = {
          chefId: fieldText(data, 'chefId'),
          note: fieldText(data, 'note') || null,
          bookings:
            fieldText(data, 'bookings') === 'reassign'
              ? ('reassign' as const)
              : ('refuse' as const),
        };
        add.mutate(
          kind === 'DAYS'
            ? { kind, ...common, from: fieldText(data, 'from'), to: fieldText(data, 'to') }
            : {
                kind,
                ...common,
                date: fieldText(data, 'date'),
                from: fieldText(data, 'fromTime'),
                to: fieldText(data, 'toTime'),
              },
        );
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor="time-off-chef">Chef</label>
          <select id="time-off-chef" name="chefId" required>
            {chefs.map((chef) => (
              <option key={chef.id} value={chef.id}>
                {chef.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>Away for</legend>
          <label className="field-inline">
            <input type="radio" checked={kind === 'DAYS'} onChange={() => setKind('DAYS')} /> Whole
            days
          </label>
          <label className="field-inline">
            <input type="radio" checked={kind === 'HOURS'} onChange={() => setKind('HOURS')} /> Some
            hours
          </label>
        </fieldset>
      </div>
      {kind === 'DAYS' ? (
        <div className="field-row">
          <div className="field">
            <label htmlFor="time-off-from">First day</label>
            <input id="time-off-from" name="from" type="date" min={today} required />
            <FieldError errors={errors} name="from" prefix="time-off" />
          </div>
          <div className="field">
            <label htmlFor="time-off-to">Last day</label>
            <input id="time-off-to" name="to" type="date" min={today} required />
            <FieldError errors={errors} name="to" prefix="time-off" />
          </div>
        </div>
      ) : (
        <div className="field-row">
          <div className="field">
            <label htmlFor="time-off-date">Date</label>
            <input id="time-off-date" name="date" type="date" min={today} required />
          </div>
          <div className="field">
            <label htmlFor="time-off-start">From</label>
            <input id="time-off-start" name="fromTime" type="time" step={900} required />
          </div>
          <div className="field">
            <label htmlFor="time-off-end">Until</label>
            <input id="time-off-end" name="toTime" type="time" step={900} required />
            <FieldError errors={errors} name="to" prefix="time-off" />
          </div>
        </div>
      )}
      <div className="field">
        <label htmlFor="time-off-note">Note (optional)</label>
        <input id="time-off-note" name="note" maxLength={200} placeholder="Holiday, sick, …" />
      </div>
      <fieldset className="field">
        <legend>If the chef has events then</legend>
        <label className="field-inline">
          <input type="radio" name="bookings" value="refuse" defaultChecked /> Do not add the time
          off; show me the events
        </label>
        <label className="field-inline">
          <input type="radio" name="bookings" value="reassign" /> Move them all to free chefs (or
          nothing, if one cannot move)
        </label>
      </fieldset>
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
