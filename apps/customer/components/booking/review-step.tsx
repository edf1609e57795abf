'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import Link from 'next/link';
import type { TCreatedBooking } from '@hibachi/core/bookings/create-booking.schema';
import type { TMenuSelection } from '@hibachi/core/menu/menu.schema';
import type { TStationSummary } from '@hibachi/core/stations/station.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { api } from '@/lib/api';
import { formatDuration, formatLocalDate, formatTime } from '@hibachi/web/format';
import { useCountdown } from '@hibachi/web/use-countdown';
import { toFieldErrors, type FieldErrors } from '@hibachi/web/field-errors';
import { toBookingInput, type DetailsValues, type Selection } from './booking-form';
import { QuotePanel } from './quote-panel';
import { TermsText } from '../proposal/terms-text';

type Props = {
  station: TStationSummary;
  selection: Selection;
  details: DetailsValues;
  /** The party's menu choices (empty: decided later). */
  menu: TMenuSelection;
  /** The names of the chosen items, for the summary. */
  menuWords: string;
  onBack: () => void;
  onSlotTaken: (message: string) => void;
  /** A 400: the refusal, and its messages by field (the wizard shows them on their step). */
  onInvalid: (error: ApiError, fields: FieldErrors) => void;
  onCreated: (booking: TCreatedBooking) => void;
  /** The Idempotency-Key for this exact request body (the same one on every retry). */
  idempotencyKeyFor: (body: string) => string;
};

/** The last look before booking; a double click or a retry after a timeout never books twice. */
export function ReviewStep({
  station,
  selection,
  details,
  menu,
  menuWords,
  onBack,
  onSlotTaken,
  onInvalid,
  onCreated,
  idempotencyKeyFor,
}: Props) {
  // The terms as published now: pressing Book accepts this version (recorded with the booking).
  const terms = useQuery({
    queryKey: ['terms', station.slug],
    queryFn: () => api.terms(station.slug),
    staleTime: 60_000,
  });
  const input = {
    ...toBookingInput(selection, details, { menu, currency: station.currency }),
    ...(terms.data ? { acceptTerms: { version: terms.data.version } } : {}),
  };
  const [retryAt, setRetryAt] = useState<number>();
  const waitSeconds = useCountdown(retryAt);

  const create = useMutation({
    mutationFn: () => api.createBooking(input, idempotencyKeyFor(JSON.stringify(input))),
    onSuccess: onCreated,
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      if (error.status === 409 && error.details?.reason === 'SLOT_TAKEN')
        onSlotTaken(error.message);
      else if (error.status === 409 && error.details?.reason === 'TERMS_CHANGED')
        void terms.refetch();
      else if (error.status === 400 && error.details) onInvalid(error, toFieldErrors(error));
      else if (error.status === 429)
        setRetryAt(Date.now() + (error.retryAfterSeconds ?? 30) * 1000);
    },
  });
  const error = create.error instanceof ApiError ? create.error : undefined;
  const busy = create.isPending || create.isSuccess;

  return (
    <section className="step details-layout" aria-labelledby="review-heading">
      <div>
        <h2 id="review-heading">Review and book</h2>
        <dl className="summary">
          <div>
            <dt>Location</dt>
            <dd>{station.name}</dd>
          </div>
          <div>
            <dt>Date</dt>
            <dd>{formatLocalDate(selection.date)}</dd>
          </div>
          <div>
            <dt>Start</dt>
            <dd>
              {formatTime(selection.time)} for {formatDuration(selection.durationMinutes)}
            </dd>
          </div>
          <div>
            <dt>Guests</dt>
            <dd>
              {input.adults} adults, {input.children} children
            </dd>
          </div>
          <div>
            <dt>Menu</dt>
            <dd>{menuWords || 'To decide later (on your booking page)'}</dd>
          </div>
          <div>
            <dt>Address</dt>
            <dd>
              {[
                details.address.line1,
                details.address.line2,
                details.address.city,
                details.address.postalCode,
              ]
                .filter(Boolean)
                .join(', ')}
            </dd>
          </div>
          <div>
            <dt>Contact</dt>
            <dd>
              {details.customer.name} · {details.customer.email} · {details.customer.phone}
            </dd>
          </div>
          {details.specialRequests.trim() ? (
            <div>
              <dt>Requests</dt>
              <dd>{details.specialRequests}</dd>
            </div>
          ) : null}
        </dl>
        <p className="muted small">
          Booking holds your chef for a few minutes while you pay the deposit. Cancel at least{' '}
          {station.cancellationNoticeHours} hours ahead for a full deposit refund.
        </p>
        {terms.data ? (
          <details className="terms-details" data-testid="booking-terms">
            <summary>
              By booking you accept the price and {station.name}&apos;s terms (version{' '}
              {terms.data.version}): read them
            </summary>
            <TermsText terms={terms.data} timezone={station.timezone} />
          </details>
        ) : null}
        {error ? (
          <div className="widget-error" role="alert">
            {error.status === 429 ? (
              <p>Too many attempts. You can try again in {waitSeconds} seconds.</p>
            ) : error.status === 409 && error.details?.reason === 'DUPLICATE_BOOKING' ? (
              <p>
                {error.message} <Link href="/manage">Find my booking</Link>
              </p>
            ) : error.status === 0 || error.status >= 500 ? (
              <p>
                {error.message} Your details are kept; pressing the button again is safe and will
                not book twice.
              </p>
            ) : (
              <p>{error.message}</p>
            )}
          </div>
        ) : null}
        <div className="actions">
          <button type="button" className="button secondary" onClick={onBack} disabled={busy}>
            Back
          </button>
          <button
            type="button"
            className="button"
            onClick={() => create.mutate()}
            // (the terms it accepts load first; if they cannot, the booking goes without)
            disabled={busy || waitSeconds > 0 || terms.isPending}
            aria-busy={create.isPending}
          >
            {create.isPending ? 'Booking…' : error ? 'Try again' : 'Book and continue to deposit'}
          </button>
        </div>
      </div>
      <WidgetBoundary title="Price">
        <QuotePanel
          money={station}
          request={{
            station: selection.station,
            durationMinutes: selection.durationMinutes,
            adults: input.adults,
            children: input.children,
            menu,
            postalCode: details.address.postalCode,
          }}
        />
      </WidgetBoundary>
    </section>
  );
}
