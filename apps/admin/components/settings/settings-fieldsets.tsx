'use client';

import { useMemo } from 'react';
import { CheckboxField } from '@hibachi/web/choice-field';
import { Field, MoneyField, SelectField } from '@hibachi/web/field';
import type { ApiFormFields } from '@hibachi/web/use-api-form';
import { timeZones } from '@/lib/time-zones';
import type { StationSettingsValues } from './station-settings-values';

type Fields = ApiFormFields<StationSettingsValues>;
type Props = { fields: Fields };

/** Name and time zone; the zone is locked while bookings lie ahead (their local times would move). */
export function StationFieldset({
  fields,
  timezone,
  futureBookings,
}: Props & { timezone: string; futureBookings: number }) {
  const zones = useMemo(() => timeZones(timezone), [timezone]);
  const locked = futureBookings > 0;
  return (
    <fieldset className="card">
      <legend>Station</legend>
      <Field field={fields.name} label="Name" />
      <SelectField
        field={fields.timezone}
        label="Time zone"
        disabled={locked}
        hint={
          locked
            ? `Locked while ${futureBookings} active booking${futureBookings === 1 ? '' : 's'} lie ahead: their local times would move.`
            : 'Dates and times of this station are in this zone.'
        }
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </SelectField>
      {/* A disabled select is not submitted: send the current zone along. */}
      {locked ? <input type="hidden" name={fields.timezone.name} value={timezone} /> : null}
    </fieldset>
  );
}

export function HoursFieldset({ fields }: Props) {
  return (
    <fieldset className="card">
      <legend>Service hours</legend>
      <Field field={fields.firstStart} label="First start" type="time" />
      <Field field={fields.lastStart} label="Last start" type="time" />
      <Field field={fields.slotIntervalMinutes} label="Start every (minutes)" inputMode="numeric" />
      <Field
        field={fields.bufferMinutes}
        label="Travel buffer (minutes)"
        inputMode="numeric"
        hint="Kept free before and after each event for the chef."
      />
      <Field
        field={fields.holdMinutes}
        label="Hold for payment (minutes)"
        inputMode="numeric"
        hint="How long a new booking keeps its time while the deposit is paid."
      />
      <Field
        field={fields.staffHoldHours}
        label="Hold for phone orders (hours)"
        inputMode="numeric"
        hint="How long a booking staff enter waits for the customer to pay from the link."
      />
    </fieldset>
  );
}

export function NoticeFieldset({ fields }: Props) {
  return (
    <fieldset className="card">
      <legend>Notice</legend>
      <Field
        field={fields.minimumNoticeHours}
        label="Minimum notice (hours)"
        inputMode="numeric"
        hint="How far ahead customers must book."
      />
      <Field
        field={fields.cancellationNoticeHours}
        label="Cancellation notice (hours)"
        inputMode="numeric"
        hint="Customers cancelling later than this keep no refund of the deposit."
      />
      <Field
        field={fields.rescheduleNoticeHours}
        label="Online moves close (hours before)"
        inputMode="numeric"
        hint="Customers move their own booking on the manage page until this many hours before it."
      />
      <Field
        field={fields.rescheduleLimit}
        label="Online moves per booking"
        inputMode="numeric"
        hint="How often a customer may move one booking themselves (0: only staff move bookings)."
      />
      <Field
        field={fields.retentionYears}
        label="Keep customer data (years)"
        inputMode="numeric"
        hint="A customer with no event here for this long is anonymised by a daily job (their bookings stay for the books). Empty: kept."
      />
      <CheckboxField
        field={fields.chefsMayComplete}
        label="Chefs may mark their own events started and completed (My events)"
      />
    </fieldset>
  );
}

export function MessagesFieldset({ fields }: Props) {
  return (
    <fieldset className="card">
      <legend>Messages to customers</legend>
      <Field
        field={fields.reminderDays}
        label="Reminder (days before)"
        inputMode="numeric"
        hint="With the party and menu to check and the balance due."
      />
      <CheckboxField field={fields.sendReminder} label="Send the reminder" />
      <CheckboxField field={fields.sendDayBefore} label="Send arrival details the day before" />
      <CheckboxField field={fields.sendThankYou} label="Send a thank-you the day after" />
      <Field
        field={fields.reviewUrl}
        label="Review page (optional)"
        type="url"
        hint="Where the thank-you asks for a review, such as your Google or Yelp page."
      />
    </fieldset>
  );
}

/** The prices in the station's saved currency (a new currency applies after saving). */
export function PricesFieldset({ fields, currency }: Props & { currency: string }) {
  return (
    <fieldset className="card">
      <legend>Prices ({currency})</legend>
      <MoneyField field={fields.adultPriceCents} currency={currency} label="Per adult" />
      <MoneyField field={fields.childPriceCents} currency={currency} label="Per child" />
      <MoneyField field={fields.minimumCents} currency={currency} label="Event minimum" />
      <MoneyField
        field={fields.depositCents}
        currency={currency}
        label="Deposit"
        hint="Not more than the event minimum."
      />
      <CheckboxField
        field={fields.allowPartialBalance}
        label="Customers may pay part of the balance online"
      />
    </fieldset>
  );
}
