'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useRef, useState } from 'react';
import type {
  TStationSettings,
  TStationSettingsView,
  TUpdateStationSettings,
} from '@hibachi/core/stations/station-settings.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import { fromMajorUnits, toMajorUnits } from '@hibachi/web/format';
import { api } from '@/lib/api';
import { fieldText, timeZones } from '@/lib/form-helpers';
import { MoneyMenuFields } from './settings/money-menu-fields';
import { TravelFields, zonesFrom } from './settings/travel-fields';

type Field = keyof TStationSettings;
const MONEY: Field[] = ['adultPriceCents', 'childPriceCents', 'minimumCents', 'depositCents'];

/**
 * A station's settings: one form, checked in the browser with the API's own schema, saved at
 * the version it was opened with. After a save it lists future bookings the new service hours
 * leave outside them, for staff to move on the calendar.
 */
export function StationSettingsForm({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['station-settings', slug],
    queryFn: () => api.stationSettings({ path: { slug } }),
  });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: TUpdateStationSettings) => api.saveStationSettings({ path: { slug }, body }),
    onMutate: () => {
      setFieldErrors({});
      setSaved(false);
    },
    onSuccess: (view) => {
      queryClient.setQueryData(['station-settings', slug], view);
      setSaved(true);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.details) {
        const details = error.details as Record<string, unknown>;
        const perField: Record<string, string[]> = {};
        for (const [key, value] of Object.entries(details))
          if (Array.isArray(value)) perField[key] = value.map(String);
        setFieldErrors(perField);
      }
    },
  });
  const zoneDrafts = useRef<{ prefix: string; label: string; fee: string }[] | null>(null);
  const zones = useMemo(
    () => timeZones(query.data?.settings.timezone ?? 'UTC'),
    [query.data?.settings.timezone],
  );

  if (query.isPending) return <p className="muted">Loading settings…</p>;
  if (query.isError) return <p role="alert">Could not load the settings: {query.error.message}</p>;
  const view: TStationSettingsView = query.data;
  const settings = view.settings;
  const stale = save.error instanceof ApiError && save.error.details?.reason === 'STALE_VERSION';

  const error = (field: Field) => {
    const messages = fieldErrors[field] ?? [];
    return messages.length > 0 ? (
      <span className="field-error" id={`${field}-error`}>
        {messages.join(' ')}
      </span>
    ) : null;
  };
  const input = (
    field: Exclude<Field, 'travelZones'>,
    label: string,
    options: { type?: string; suffix?: string; hint?: string } = {},
  ) => {
    const value = settings[field];
    const money = MONEY.includes(field);
    return (
      <div className="field">
        <label htmlFor={field}>{label}</label>
        <input
          id={field}
          name={field}
          type={options.type ?? 'text'}
          inputMode={
            money
              ? 'decimal'
              : options.type === 'time' || options.type === 'url'
                ? undefined
                : 'numeric'
          }
          defaultValue={
            money ? toMajorUnits(Number(value), settings.currency) : String(value ?? '')
          }
          aria-invalid={fieldErrors[field] ? true : undefined}
          aria-describedby={fieldErrors[field] ? `${field}-error` : undefined}
        />
        {options.hint ? <span className="small muted">{options.hint}</span> : null}
        {error(field)}
      </div>
    );
  };

  return (
    <form
      key={view.version}
      className="settings-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const text = (field: Field | 'travelFeePerMile') => fieldText(form, field);
        const whole = (field: Field) =>
          text(field).trim() === '' ? Number.NaN : Number(text(field));
        // A field the form does not show (another travel mode) keeps its saved value.
        const shown = (field: string) => form.has(field);
        const currency = text('currency') || settings.currency;
        const toCents = (value: string) => fromMajorUnits(value, currency);
        const travelMode = (text('travelMode') ||
          settings.travelMode) as TStationSettings['travelMode'];
        save.mutate({
          version: view.version,
          name: text('name'),
          timezone: text('timezone'),
          firstStart: text('firstStart'),
          lastStart: text('lastStart'),
          slotIntervalMinutes: whole('slotIntervalMinutes'),
          bufferMinutes: whole('bufferMinutes'),
          holdMinutes: whole('holdMinutes'),
          minimumNoticeHours: whole('minimumNoticeHours'),
          cancellationNoticeHours: whole('cancellationNoticeHours'),
          rescheduleNoticeHours: whole('rescheduleNoticeHours'),
          rescheduleLimit: whole('rescheduleLimit'),
          reminderDays: whole('reminderDays'),
          sendReminder: form.has('sendReminder'),
          sendDayBefore: form.has('sendDayBefore'),
          sendThankYou: form.has('sendThankYou'),
          allowPartialBalance: form.has('allowPartialBalance'),
          chefsMayComplete: form.has('chefsMayComplete'),
          retentionYears: text('retentionYears').trim() === '' ? null : whole('retentionYears'),
          reviewUrl: text('reviewUrl').trim() || null,
          adultPriceCents: toCents(text('adultPriceCents')),
          childPriceCents: toCents(text('childPriceCents')),
          minimumCents: toCents(text('minimumCents')),
          depositCents: toCents(text('depositCents')),
          currency,
          locale: text('locale'),
          country: text('country'),
          proteinsPerAdult: whole('proteinsPerAdult'),
          menuLockHours: whole('menuLockHours'),
          travelMode,
          travelOriginPostalCode: shown('travelOriginPostalCode')
            ? text('travelOriginPostalCode')
            : settings.travelOriginPostalCode,
          travelFreeMiles: shown('travelFreeMiles')
            ? whole('travelFreeMiles')
            : settings.travelFreeMiles,
          travelFeePerMileCents: shown('travelFeePerMile')
            ? toCents(text('travelFeePerMile') || '0')
            : settings.travelFeePerMileCents,
          travelMaxMiles: shown('travelMaxMiles')
            ? text('travelMaxMiles').trim() === ''
              ? null
              : whole('travelMaxMiles')
            : settings.travelMaxMiles,
          travelZones: zoneDrafts.current
            ? zonesFrom(zoneDrafts.current, currency)
            : settings.travelZones,
        });
      }}
    >
      <fieldset className="card">
        <legend>Station</legend>
        {input('name', 'Name')}
        <div className="field">
          <label htmlFor="timezone">Time zone</label>
          <select
            id="timezone"
            name="timezone"
            defaultValue={settings.timezone}
            disabled={view.futureBookings > 0}
            aria-describedby="timezone-hint"
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
          {view.futureBookings > 0 ? (
            // A disabled select is not submitted: send the current zone along.
            <input type="hidden" name="timezone" value={settings.timezone} />
          ) : null}
          <span id="timezone-hint" className="small muted">
            {view.futureBookings > 0
              ? `Locked while ${view.futureBookings} active booking${view.futureBookings === 1 ? '' : 's'} lie ahead: their local times would move.`
              : 'Dates and times of this station are in this zone.'}
          </span>
          {error('timezone')}
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>Service hours</legend>
        {input('firstStart', 'First start', { type: 'time' })}
        {input('lastStart', 'Last start', { type: 'time' })}
        {input('slotIntervalMinutes', 'Start every (minutes)')}
        {input('bufferMinutes', 'Travel buffer (minutes)', {
          hint: 'Kept free before and after each event for the chef.',
        })}
        {input('holdMinutes', 'Hold for payment (minutes)', {
          hint: 'How long a new booking keeps its time while the deposit is paid.',
        })}
      </fieldset>

      <fieldset className="card">
        <legend>Notice</legend>
        {input('minimumNoticeHours', 'Minimum notice (hours)', {
          hint: 'How far ahead customers must book.',
        })}
        {input('cancellationNoticeHours', 'Cancellation notice (hours)', {
          hint: 'Customers cancelling later than this keep no refund of the deposit.',
        })}
        {input('rescheduleNoticeHours', 'Online moves close (hours before)', {
          hint: 'Customers move their own booking on the manage page until this many hours before it.',
        })}
        {input('rescheduleLimit', 'Online moves per booking', {
          hint: 'How often a customer may move one booking themselves (0: only staff move bookings).',
        })}
        {input('retentionYears', 'Keep customer data (years)', {
          hint: 'A customer with no event here for this long is anonymised by a daily job (their bookings stay for the books). Empty: kept.',
        })}
        <label className="checkbox">
          <input
            type="checkbox"
            name="chefsMayComplete"
            defaultChecked={settings.chefsMayComplete}
          />{' '}
          Chefs may mark their own events started and completed (My events)
        </label>
      </fieldset>

      <fieldset className="card">
        <legend>Messages to customers</legend>
        {input('reminderDays', 'Reminder (days before)', {
          hint: 'With the party and menu to check and the balance due.',
        })}
        {(
          [
            ['sendReminder', 'Send the reminder'],
            ['sendDayBefore', 'Send arrival details the day before'],
            ['sendThankYou', 'Send a thank-you the day after'],
          ] as const
        ).map(([field, label]) => (
          <label key={field} className="checkbox">
            <input type="checkbox" name={field} defaultChecked={settings[field]} /> {label}
          </label>
        ))}
        {input('reviewUrl', 'Review page (optional)', {
          type: 'url',
          hint: 'Where the thank-you asks for a review, such as your Google or Yelp page.',
        })}
      </fieldset>

      <MoneyMenuFields settings={settings} errors={fieldErrors} />

      <fieldset className="card">
        <legend>Prices ({settings.currency})</legend>
        {input('adultPriceCents', 'Per adult')}
        {input('childPriceCents', 'Per child')}
        {input('minimumCents', 'Event minimum')}
        {input('depositCents', 'Deposit', { hint: 'Not more than the event minimum.' })}
        <label className="checkbox">
          <input
            type="checkbox"
            name="allowPartialBalance"
            defaultChecked={settings.allowPartialBalance}
          />{' '}
          Customers may pay part of the balance online
        </label>
      </fieldset>

      <TravelFields
        settings={settings}
        currency={settings.currency}
        errors={fieldErrors}
        onZones={(drafts) => {
          zoneDrafts.current = drafts;
        }}
      />

      <p className="small muted">
        Changes apply to new quotes and bookings. Existing bookings keep the price and time they
        were booked with.
      </p>
      <div role="status" className="form-status">
        {stale ? (
          <span className="field-error">
            {save.error?.message}{' '}
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                save.reset();
                void query.refetch();
              }}
            >
              Reload
            </button>
          </span>
        ) : save.error ? (
          <span className="field-error">{save.error.message}</span>
        ) : saved ? (
          'Settings saved.'
        ) : null}
      </div>
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save settings'}
      </button>

      {view.outsideHours.length > 0 ? (
        <section className="card" aria-labelledby="outside-heading">
          <h2 id="outside-heading">Bookings outside the service hours</h2>
          <p className="small">
            These future bookings start outside {settings.firstStart}–{settings.lastStart}. They
            stay as booked; move them on the calendar if they should change.
          </p>
          <ul>
            {view.outsideHours.map((booking) => (
              <li key={booking.id}>
                <Link href={`/bookings/${booking.id}`}>{booking.reference}</Link> · {booking.date}{' '}
                {booking.time} · {booking.chef}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </form>
  );
}
