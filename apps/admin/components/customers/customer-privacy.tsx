'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TCustomerSummary } from '@hibachi/core/privacy/customer-data.schema';
import { formatInstant } from '@hibachi/web/format';
import { ActionNotices } from '../form-messages';
import { api } from '@/lib/api';
import { fieldMessages, fieldText } from '@/lib/form-helpers';

type Lookup = { email: string } | { phone: string };

/**
 * A customer's data (super admins): found by a whole e-mail or phone (customer data is
 * sealed, so nothing partial is searchable), exported as JSON, or erased after typing ERASE.
 * Both are audited; erasure waits until no event is to come.
 */
export function CustomerPrivacy({ timeZone }: { timeZone: string }) {
  const queryClient = useQueryClient();
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [notice, setNotice] = useState('');
  const found = useQuery({
    queryKey: ['customers', lookup],
    enabled: lookup !== null,
    queryFn: () => api.customers({ query: new URLSearchParams(lookup ?? {}) }),
  });
  const erase = useMutation({
    mutationFn: (customer: TCustomerSummary) =>
      api.eraseCustomer({ path: { id: customer.id }, body: { confirm: 'ERASE' } }),
    onSuccess: async (result) => {
      setNotice(
        `Erased: ${result.bookings} booking${result.bookings === 1 ? '' : 's'} kept for the books without personal data, ${result.conversations} conversation${result.conversations === 1 ? '' : 's'} emptied.`,
      );
      await queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });

  return (
    <div className="customer-privacy">
      <form
        className="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const value = fieldText(new FormData(event.currentTarget), 'who').trim();
          setNotice('');
          erase.reset();
          setLookup(value.includes('@') ? { email: value } : { phone: value });
          // Finding the same person again reads them afresh (a booking may have been cancelled).
          void queryClient.invalidateQueries({ queryKey: ['customers'] });
        }}
      >
        <div className="field">
          <label htmlFor="who">Whole e-mail or phone</label>
          <input id="who" name="who" type="search" required aria-describedby="who-hint" />
          <small id="who-hint" className="muted small">
            Customer details are encrypted: only an exact e-mail or phone finds someone.
          </small>
        </div>
        <button type="submit" className="button">
          Find
        </button>
      </form>
      <ActionNotices notice={notice} error={erase.error} />
      {found.isError ? (
        <p className="notice error" role="alert">
          {Object.values(fieldMessages(found.error))[0] ?? found.error.message}
        </p>
      ) : null}
      {found.data?.length === 0 ? (
        <p>Nobody has that {lookup && 'email' in lookup ? 'e-mail' : 'phone'}.</p>
      ) : null}
      <ul className="customer-cards">
        {found.data?.map((customer) => (
          <li key={customer.id} className="card">
            <h2>{customer.name}</h2>
            <p>
              {customer.email} · {customer.phone || 'no phone'}
            </p>
            <p className="muted small">
              Customer since {formatInstant(customer.createdAt, timeZone)} · {customer.bookings}{' '}
              booking{customer.bookings === 1 ? '' : 's'}
              {customer.lastEventDate ? `, last on ${customer.lastEventDate}` : ''} ·{' '}
              {customer.conversations} conversation{customer.conversations === 1 ? '' : 's'}
            </p>
            {customer.erasedAt ? (
              <p>Erased on {formatInstant(customer.erasedAt, timeZone)}.</p>
            ) : (
              <div className="actions">
                <a className="button" href={`/api/admin/customers/${customer.id}/export`} download>
                  Download their data (JSON)
                </a>
                <EraseButton
                  customer={customer}
                  busy={erase.isPending}
                  onConfirm={() => erase.mutate(customer)}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function EraseButton({
  customer,
  busy,
  onConfirm,
}: {
  customer: TCustomerSummary;
  busy: boolean;
  onConfirm: () => void;
}) {
  const [typed, setTyped] = useState<string | null>(null);
  if (customer.upcomingBookings > 0)
    return (
      <p className="muted small">
        {customer.upcomingBookings} booking{customer.upcomingBookings === 1 ? ' is' : 's are'} still
        to come: cancel {customer.upcomingBookings === 1 ? 'it' : 'them'} before erasing.
      </p>
    );
  if (typed === null)
    return (
      <button type="button" className="button danger" onClick={() => setTyped('')}>
        Erase personal data…
      </button>
    );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (typed === 'ERASE') onConfirm();
      }}
    >
      <label htmlFor={`erase-${customer.id}`}>
        Type ERASE to replace {customer.name}&rsquo;s details with a tombstone for good
      </label>
      <input
        id={`erase-${customer.id}`}
        value={typed}
        autoFocus
        onChange={(event) => setTyped(event.target.value)}
      />
      <button type="submit" className="button danger" disabled={typed !== 'ERASE' || busy}>
        Erase
      </button>{' '}
      <button type="button" className="button secondary" onClick={() => setTyped(null)}>
        Keep
      </button>
    </form>
  );
}
