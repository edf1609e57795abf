'use client';

import Link from 'next/link';
import type { TStationSettingsView } from '@hibachi/core/stations/station-settings.schema';
import { useApiForm } from '@hibachi/web/use-api-form';
import { MoneyMenuFields } from './settings/money-menu-fields';
import {
  HoursFieldset,
  MessagesFieldset,
  NoticeFieldset,
  PricesFieldset,
  StationFieldset,
} from './settings/settings-fieldsets';
import {
  toStationSettingsInput,
  toStationSettingsValues,
  type StationSettingsValues,
} from './settings/station-settings-values';
import { TravelFields } from './settings/travel-fields';
import { useStationSettings } from './settings/use-station-settings';

/**
 * A station's settings: one form, checked in the browser with the API's own schema, saved at
 * the version it was opened with. After a save it lists future bookings the new service hours
 * leave outside them, for staff to move on the calendar.
 */
export function StationSettingsForm({ slug }: { slug: string }) {
  const settings = useStationSettings(slug);
  const { query } = settings;
  if (query.isPending) return <p className="muted">Loading settings…</p>;
  if (query.isError) return <p role="alert">Could not load the settings: {query.error.message}</p>;
  // A new version (saved here or reloaded) starts the form again from what is saved.
  return <SettingsForm key={query.data.version} view={query.data} {...settings} />;
}

function SettingsForm({
  view,
  save,
  saved,
  stale,
  reload,
}: Omit<ReturnType<typeof useStationSettings>, 'query'> & { view: TStationSettingsView }) {
  const { settings } = view;
  const { form, fields, formProps } = useApiForm<
    StationSettingsValues,
    ReturnType<typeof toStationSettingsInput>
  >({
    id: 'station-settings',
    defaultValue: toStationSettingsValues(settings),
    toInput: (values) => toStationSettingsInput(values, view),
    onValid: (body) => save.mutate(body),
    error: save.error,
  });

  return (
    <form {...formProps} className="settings-form">
      <StationFieldset
        fields={fields}
        timezone={settings.timezone}
        futureBookings={view.futureBookings}
      />
      <HoursFieldset fields={fields} />
      <NoticeFieldset fields={fields} />
      <MessagesFieldset fields={fields} />
      <MoneyMenuFields fields={fields} currency={settings.currency} />
      <PricesFieldset fields={fields} currency={settings.currency} />
      <TravelFields form={form} fields={fields} currency={settings.currency} />

      <p className="small muted">
        Changes apply to new quotes and bookings. Existing bookings keep the price and time they
        were booked with.
      </p>
      <div role="status" className="form-status">
        {stale ? (
          <span className="field-error">
            {save.error?.message}{' '}
            <button type="button" className="button secondary" onClick={reload}>
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
      <OutsideHours view={view} />
    </form>
  );
}

/** Future bookings the service hours now leave outside them: they stay, staff may move them. */
function OutsideHours({ view }: { view: TStationSettingsView }) {
  const { settings, outsideHours } = view;
  if (outsideHours.length === 0) return null;
  return (
    <section className="card" aria-labelledby="outside-heading">
      <h2 id="outside-heading">Bookings outside the service hours</h2>
      <p className="small">
        These future bookings start outside {settings.firstStart}–{settings.lastStart}. They stay as
        booked; move them on the calendar if they should change.
      </p>
      <ul>
        {outsideHours.map((booking) => (
          <li key={booking.id}>
            <Link href={`/bookings/${booking.id}`}>{booking.reference}</Link> · {booking.date}{' '}
            {booking.time} · {booking.chef}
          </li>
        ))}
      </ul>
    </section>
  );
}
