'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '@hibachi/web/fetch-json';
import { Field } from '@hibachi/web/field';
import { formatLocalDate } from '@hibachi/web/format';
import type { ApiForm, ApiFormFields } from '@hibachi/web/use-api-form';
import { api } from '@/lib/api';
import { toContactLookup, type ContactLookup } from './contact-values';
import type { NewBookingValues } from './new-booking-values';

type Customer = NonNullable<Awaited<ReturnType<typeof api.bookingCustomer>>['customer']>;

/**
 * The customer's name, e-mail and phone. Leaving the e-mail or phone with a whole one typed
 * (or "Find") looks the station's returning customers up by exact value, and offers to fill
 * the three fields from their last booking.
 */
export function ContactSection({
  fields,
  form,
  station,
}: {
  fields: ApiFormFields<NewBookingValues>;
  form: ApiForm<NewBookingValues>;
  station: { slug: string; name: string };
}) {
  const customer = fields.customer.getFieldset();
  const [lookup, setLookup] = useState<ContactLookup>();
  const [hint, setHint] = useState<string>();
  const found = useQuery({
    queryKey: ['booking-customer', station.slug, lookup],
    queryFn: () => api.bookingCustomer({ query: { station: station.slug, ...lookup } }),
    enabled: lookup !== undefined,
    retry: false,
    staleTime: 60_000,
  });
  const find = (values: { email?: string; phone?: string }, quiet: boolean) => {
    const next = toContactLookup(station.slug, values);
    setHint(next || quiet ? undefined : 'Type a whole e-mail or phone number to find a customer.');
    if (next) setLookup(next);
  };
  const typed = {
    name: customer.name.value,
    email: customer.email.value,
    phone: customer.phone.value,
  };
  const match = found.data?.customer;
  const filled =
    match !== undefined &&
    match !== null &&
    typed.name === match.name &&
    typed.email === match.email &&
    typed.phone === match.phone;

  return (
    <section className="card order-section" aria-labelledby="contact-heading">
      <h2 id="contact-heading">Customer</h2>
      <div className="field-row">
        <Field
          field={customer.email}
          label="E-mail"
          type="email"
          autoComplete="off"
          hint="The proposal link goes here."
          onBlur={(event) => find({ email: event.currentTarget.value }, true)}
        />
        <Field
          field={customer.phone}
          label="Phone"
          type="tel"
          autoComplete="off"
          onBlur={(event) => find({ phone: event.currentTarget.value }, true)}
        />
      </div>
      <div className="lookup-row">
        <button
          type="button"
          className="button secondary"
          onClick={() => find({ email: typed.email, phone: typed.phone }, false)}
        >
          Find customer
        </button>
        <div role="status" className="lookup-answer">
          {hint ? (
            <p className="muted">{hint}</p>
          ) : !lookup ? null : found.isFetching ? (
            <p className="muted">Looking for {lookup.email ?? lookup.phone}…</p>
          ) : found.error ? (
            <p className="notice error">
              {found.error instanceof ApiError ? found.error.message : 'The lookup failed.'}
            </p>
          ) : match ? (
            <ReturningCustomer
              customer={match}
              filled={filled}
              onFill={() =>
                form.update({
                  name: fields.customer.name,
                  value: { name: match.name, email: match.email, phone: match.phone },
                })
              }
            />
          ) : found.data ? (
            <p className="muted">
              No earlier booking at {station.name} with {lookup.email ?? lookup.phone}: a new
              customer.
            </p>
          ) : null}
        </div>
      </div>
      <Field field={customer.name} label="Name" autoComplete="off" />
    </section>
  );
}

function ReturningCustomer({
  customer,
  filled,
  onFill,
}: {
  customer: Customer;
  filled: boolean;
  onFill: () => void;
}) {
  const last = customer.lastEventDate
    ? `, the last on ${formatLocalDate(customer.lastEventDate)}`
    : '';
  return (
    <div className="notice returning-customer">
      <p>
        Returning customer: <strong>{customer.name}</strong>, {customer.email}, {customer.phone}.{' '}
        {customer.bookings} booking{customer.bookings === 1 ? '' : 's'}
        {last}.
      </p>
      {filled ? (
        <p className="small">Their details are filled in.</p>
      ) : (
        <button type="button" className="button" onClick={onFill}>
          Use their details
        </button>
      )}
    </div>
  );
}
