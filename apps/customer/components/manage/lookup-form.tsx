'use client';

import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { ApiError } from '@hibachi/web/fetch-json';
import { useHydrated } from '@hibachi/web/use-hydrated';
import { api } from '@/lib/api';
import { useCountdown } from '@hibachi/web/use-countdown';
import { TextField } from '../booking/text-field';

/** The booking and its actions load once a lookup found one (not with the empty form). */
const BookingDetails = dynamic(() =>
  import('./booking-details').then((module) => module.BookingDetails),
);

/** Find a booking by reference and the e-mail it was made with. */
export function LookupForm() {
  const hydrated = useHydrated();
  const [reference, setReference] = useState('');
  const [email, setEmail] = useState('');
  const [search, setSearch] = useState<{ reference: string; email: string }>();
  const booking = useQuery({
    queryKey: ['booking', search?.reference, { email: search?.email }],
    queryFn: () => api.booking(search!.reference, { email: search!.email }),
    enabled: Boolean(search),
    retry: false,
  });
  const error = booking.error instanceof ApiError ? booking.error : undefined;
  const wait = useCountdown(
    error?.status === 429
      ? booking.errorUpdatedAt + (error.retryAfterSeconds ?? 30) * 1000
      : undefined,
  );

  return (
    <>
      <form
        className="panel"
        aria-labelledby="lookup-heading"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch({ reference: reference.trim().toUpperCase(), email: email.trim() });
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
        <button
          type="submit"
          className="button"
          disabled={!hydrated || booking.isFetching || wait > 0}
        >
          {booking.isFetching ? 'Looking…' : 'Find booking'}
        </button>
      </form>
      {booking.data && search ? (
        <BookingDetails booking={booking.data} proof={{ email: search.email }} />
      ) : null}
    </>
  );
}
