'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { TCustomerBooking } from '@hibachi/core/bookings/customer-booking.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import { useHydrated } from '@hibachi/web/use-hydrated';
import { api } from '@/lib/api';
import { useCountdown } from '@hibachi/web/use-countdown';
import { Field, fieldOf } from '@hibachi/web/field';
import { readTextFields } from '@hibachi/web/form-values';
import { toLookupInput, type Lookup } from './lookup-values';

/**
 * The booking, its actions and the data library they use (react-query) load once a lookup
 * found one, not with the empty form: the lookup itself is one plain request.
 */
const FoundBooking = dynamic(() => import('./found-booking').then((module) => module.FoundBooking));

type Failure = { error: ApiError; at: number };

/**
 * Find a booking by reference and the e-mail it was made with. Its answer is one message,
 * never per field (a wrong e-mail and a wrong reference read the same), so this form on the
 * page's first load uses the field block and its mapper without the form library.
 */
export function LookupForm() {
  const hydrated = useHydrated();
  const [found, setFound] = useState<{ lookup: Lookup; booking: TCustomerBooking }>();
  const [failure, setFailure] = useState<Failure>();
  const [fetching, setFetching] = useState(false);
  const error = failure?.error;
  const wait = useCountdown(
    failure && error?.status === 429
      ? failure.at + (error.retryAfterSeconds ?? 30) * 1000
      : undefined,
  );

  const lookUp = async (lookup: Lookup) => {
    setFetching(true);
    setFailure(undefined);
    try {
      setFound({ lookup, booking: await api.booking(lookup.reference, { email: lookup.email }) });
    } catch (caught) {
      setFound(undefined);
      if (caught instanceof ApiError) setFailure({ error: caught, at: Date.now() });
    } finally {
      setFetching(false);
    }
  };

  return (
    <>
      <form
        className="panel"
        aria-labelledby="lookup-heading"
        onSubmit={(event) => {
          event.preventDefault();
          void lookUp(toLookupInput(readTextFields(event.currentTarget)));
        }}
      >
        <h1 id="lookup-heading">Manage your booking</h1>
        <Field
          field={fieldOf('reference')}
          label="Booking reference"
          placeholder="HB-7K3P9Q"
          autoComplete="off"
          required
        />
        <Field
          field={fieldOf('lookup-email', 'email')}
          label="E-mail used for the booking"
          type="email"
          autoComplete="email"
          required
        />
        {error ? (
          <p className="field-error" role="alert">
            {error.status === 429
              ? `Too many lookups. Try again in ${wait} seconds.`
              : error.message}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={!hydrated || fetching || wait > 0}>
          {fetching ? 'Looking…' : 'Find booking'}
        </button>
      </form>
      {found ? (
        <FoundBooking
          booking={found.booking}
          proof={{ email: found.lookup.email }}
          onChange={(booking) => setFound({ lookup: found.lookup, booking })}
        />
      ) : null}
    </>
  );
}
