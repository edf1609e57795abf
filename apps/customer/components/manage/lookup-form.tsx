'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { TCustomerBooking } from '@hibachi/core/bookings/customer-booking.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import { useHydrated } from '@hibachi/web/use-hydrated';
import { api } from '@/lib/api';
import { useCountdown } from '@hibachi/web/use-countdown';
import { TextField } from '../booking/text-field';

/**
 * The booking, its actions and the data library they use (react-query) load once a lookup
 * found one, not with the empty form: the lookup itself is one plain request.
 */
const FoundBooking = dynamic(() => import('./found-booking').then((module) => module.FoundBooking));

type Lookup = { reference: string; email: string };
type Failure = { error: ApiError; at: number };

/** Find a booking by reference and the e-mail it was made with. */
export function LookupForm() {
  const hydrated = useHydrated();
  const [reference, setReference] = useState('');
  const [email, setEmail] = useState('');
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
          void lookUp({ reference: reference.trim().toUpperCase(), email: email.trim() });
        }}
      >
        <h1 id="lookup-heading">Manage your booking</h1>
        <TextField
          id="reference"
          label="Booking reference"
          value={reference}
          onValue={setReference}
          placeholder="HB-7K3P9Q"
          autoComplete="off"
          required
        />
        <TextField
          id="lookup-email"
          label="E-mail used for the booking"
          value={email}
          onValue={setEmail}
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
