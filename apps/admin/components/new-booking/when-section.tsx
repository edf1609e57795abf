'use client';

import { useQuery } from '@tanstack/react-query';
import { ApiError } from '@hibachi/web/fetch-json';
import { controlProps, Field, FieldMessage, messagesOf, SelectField } from '@hibachi/web/field';
import { formatDuration, formatLocalDate, formatTime, timeZoneLabel } from '@hibachi/web/format';
import type { ApiFormFields } from '@hibachi/web/use-api-form';
import { api } from '@/lib/api';
import { DURATIONS, type NewBookingValues } from './new-booking-values';
import { capacityText, chefAfterChange, freeChefsAt, startNotice } from './slot-values';

/** The start the order is for: kept by the form (the quote and the chef choice follow it). */
export type When = { date: string; time: string; durationMinutes: number; chefId: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Date, length, start and chef. The starts are the station's grid from now on with the chefs
 * free at each (refetched as bookings change); starts inside the customer's notice are marked
 * "staff only". A start or chef that stops being possible is let go, saying why.
 */
export function WhenSection({
  fields,
  station,
  today,
  when,
  onChange,
}: {
  fields: ApiFormFields<NewBookingValues>;
  station: { slug: string; timezone: string };
  today: string;
  when: When;
  onChange: (next: Partial<When>) => void;
}) {
  const { date, time, durationMinutes, chefId } = when;
  const availability = useQuery({
    queryKey: ['staff-availability', station.slug, date, durationMinutes],
    queryFn: () =>
      api.staffAvailability({
        query: { station: station.slug, date, duration: durationMinutes },
      }),
    enabled: DATE.test(date),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  const data = availability.data;
  // A start or chef the day (or someone's booking since) does not allow is let go, saying
  // why; the choice comes back if it is possible again (derived, not copied into state).
  const day = data && data.date === date ? data : undefined;
  const lost = day ? startNotice(day, time) : undefined;
  const shownTime = lost ? '' : time;
  const chef = day ? chefAfterChange(day, shownTime, chefId) : { chefId };
  const notice = lost ?? chef.notice;

  const dateRefusal =
    availability.error instanceof ApiError && availability.error.status === 400
      ? availability.error.message
      : undefined;
  const free = day && shownTime ? freeChefsAt(day, shownTime) : [];
  const chosen = day?.chefs.find((candidate) => candidate.id === chef.chefId);
  const chefs = chosen && !free.includes(chosen) ? [...free, chosen] : free;
  // Nothing chosen is said as such (the schema's words are about the format).
  const timeErrors = messagesOf(fields.time);
  const timeMessages = shownTime || timeErrors.length === 0 ? timeErrors : ['Choose a start time'];
  const timeControl = controlProps(fields.time, true, timeMessages);

  return (
    <section className="card order-section" aria-labelledby="when-heading">
      <h2 id="when-heading">When</h2>
      <div className="field-row">
        <Field
          field={fields.date}
          label="Date"
          type="date"
          min={today}
          value={date}
          errors={dateRefusal ? [dateRefusal] : undefined}
          onChange={(event) => onChange({ date: event.target.value })}
        />
        <SelectField
          field={fields.durationMinutes}
          label="Length"
          value={durationMinutes}
          onChange={(event) => onChange({ durationMinutes: Number(event.target.value) })}
        >
          {DURATIONS.map((minutes) => (
            <option key={minutes} value={minutes}>
              {formatDuration(minutes)}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="field start-times" aria-describedby={timeControl['aria-describedby']}>
        <legend>Start{DATE.test(date) ? ` on ${formatLocalDate(date)}` : ''}</legend>
        <p id={fields.time.descriptionId} className="small muted">
          Times in {timeZoneLabel(station.timezone)}. “Staff only”: inside the customer notice, so
          the website does not offer it.
        </p>
        {availability.isError && !dateRefusal ? (
          <div role="alert" className="widget-error">
            <p>The start times could not be loaded. {availability.error.message}</p>
            <button type="button" className="button" onClick={() => void availability.refetch()}>
              Try again
            </button>
          </div>
        ) : !data ? (
          <p className="muted" aria-busy={DATE.test(date)}>
            {DATE.test(date) ? 'Checking the chefs’ schedules…' : 'Choose a date first.'}
          </p>
        ) : data.slots.length === 0 ? (
          <p className="notice">No start times left on this day: choose another date.</p>
        ) : (
          <div className="start-grid" role="radiogroup" aria-label="Start times">
            {data.slots.map((slot) => (
              <label
                key={slot.time}
                className={`start-time${slot.online ? '' : ' staff-only'}${slot.available === 0 ? ' full' : ''}`}
              >
                <input
                  type="radio"
                  name={fields.time.name}
                  value={slot.time}
                  checked={slot.time === shownTime}
                  disabled={slot.available === 0}
                  aria-invalid={timeControl['aria-invalid']}
                  onChange={() => onChange({ time: slot.time })}
                />
                <span className="start-time-label">{formatTime(slot.time)}</span>{' '}
                <span className="start-time-capacity">{capacityText(slot)}</span>
                {slot.online ? null : (
                  <>
                    <span className="visually-hidden">, </span>
                    <span className="tag">staff only</span>
                  </>
                )}
              </label>
            ))}
          </div>
        )}
        {/* No start to choose from: the field is still the form's, for its message. */}
        {data && data.slots.some((slot) => slot.available > 0) ? null : (
          <input type="hidden" name={fields.time.name} value="" />
        )}
        <FieldMessage field={fields.time} messages={timeMessages} />
      </fieldset>
      <SelectField
        field={fields.chefId}
        label="Chef"
        value={chef.chefId}
        hint={shownTime ? undefined : 'Choose a start to see who is free then.'}
        onChange={(event) => onChange({ chefId: event.target.value })}
      >
        <option value="">Least busy free chef</option>
        {chefs.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </SelectField>
      <p role="status" className={notice ? 'notice' : 'visually-hidden'}>
        {notice}
      </p>
    </section>
  );
}
