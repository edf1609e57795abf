'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { ApiError } from '@hibachi/web/fetch-json';
import { Field } from '@hibachi/web/field';
import { formatLocalDate, formatMoney } from '@hibachi/web/format';
import { useApiForm } from '@hibachi/web/use-api-form';
import { api } from '@/lib/api';
import { toLookupEmail, type EmailValues } from './dashboard-values';
import type { DateRange } from '@/lib/date-ranges';
import { STATUS_LABELS } from '@/lib/labels';

/** One customer's bookings and lifetime value, by e-mail (any case). */
export function CustomerLookup({ range, station }: { range: DateRange; station: string }) {
  const [email, setEmail] = useState('');
  const lookup = useQuery({
    queryKey: ['customer-lookup', station, email],
    queryFn: () =>
      api.customerAnalytics({ query: { ...range, email, ...(station ? { station } : {}) } }),
    enabled: email !== '',
    retry: false,
  });
  const error =
    lookup.error instanceof ApiError
      ? ((Object.values(lookup.error.details ?? {}).flat()[0] as string | undefined) ??
        lookup.error.message)
      : undefined;
  const { fields, formProps } = useApiForm<EmailValues, string>({
    id: 'customer-lookup',
    defaultValue: { email: '' },
    toInput: toLookupEmail,
    onValid: setEmail,
  });
  const customer = lookup.data?.customer;
  const money = lookup.data ?? { currency: 'USD', locale: 'en-US' };
  return (
    <section className="panel" aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">Customer lookup</h2>
      <form {...formProps} className="inline-form">
        <Field
          field={fields.email}
          label="E-mail"
          type="email"
          required
          placeholder="name@example.com"
        />
        <button type="submit" className="button">
          Look up
        </button>
      </form>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {lookup.isFetching ? <p className="muted">Looking up…</p> : null}
      {lookup.data && customer === null ? (
        <p className="muted">No customer with that e-mail here.</p>
      ) : null}
      {customer ? (
        <div className="customer-history">
          <p>
            <strong>{customer.name}</strong> · {customer.email} · lifetime value{' '}
            <strong>{formatMoney(customer.lifetimeValueCents, money)}</strong>
          </p>
          <div className="table-scroll">
            <table>
              <caption className="muted small">Bookings, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Reference</th>
                  <th scope="col">Station</th>
                  <th scope="col">Date</th>
                  <th scope="col">Status</th>
                  <th scope="col">Guests</th>
                  <th scope="col">Total</th>
                  <th scope="col">Paid</th>
                </tr>
              </thead>
              <tbody>
                {customer.bookings.map((booking) => (
                  <tr key={booking.id}>
                    <td>
                      <Link href={`/bookings/${booking.id}`}>{booking.reference}</Link>
                    </td>
                    <td>{booking.station}</td>
                    <td>{formatLocalDate(booking.date)}</td>
                    <td>{STATUS_LABELS[booking.status]}</td>
                    <td className="number">{booking.partySize}</td>
                    <td className="number">{formatMoney(booking.totalCents, money)}</td>
                    <td className="number">{formatMoney(booking.paidCents, money)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </section>
  );
}
