'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TCustomerSummary } from '@hibachi/core/privacy/customer-data.schema';
import { Field } from '@hibachi/web/field';
import { formatInstant } from '@hibachi/web/format';
import { useApiForm } from '@hibachi/web/use-api-form';
import { ActionNotices } from '../action-notices';
import { api } from '@/lib/api';
import { toCustomerLookup, type Lookup } from './customer-lookup-values';
import { toFieldErrors } from '@hibachi/web/field-errors';

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

  const { fields, formProps } = useApiForm<{ who: string }, Lookup>({
    id: 'privacy-lookup',
    defaultValue: { who: '' },
    toInput: toCustomerLookup,
    onValid: (next) => {
      setNotice('');
      erase.reset();
      setLookup(next);
      // Finding the same person again reads them afresh (a booking may have been cancelled).
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });

  return (
    <div className="customer-privacy">
      <form {...formProps} className="filters" role="search">
        <Field
          field={fields.who}
          label="Whole e-mail or phone"
          type="search"
          required
          hint="Customer details are encrypted: only an exact e-mail or phone finds someone."
        />
        <button type="submit" className="button">
          Find
        </button>
      </form>
      <ActionNotices notice={notice} error={erase.error} />
      {found.isError ? (
        <p className="notice error" role="alert">
          {Object.values(toFieldErrors(found.error))[0]?.join(' ') ?? found.error.message}
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
                  pending={erase.isPending}
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
  pending,
  onConfirm,
}: {
  customer: TCustomerSummary;
  pending: boolean;
  onConfirm: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  if (customer.upcomingBookings > 0)
    return (
      <p className="muted small">
        {customer.upcomingBookings} booking{customer.upcomingBookings === 1 ? ' is' : 's are'} still
        to come: cancel {customer.upcomingBookings === 1 ? 'it' : 'them'} before erasing.
      </p>
    );
  if (!confirming)
    return (
      <button type="button" className="button danger" onClick={() => setConfirming(true)}>
        Erase personal data…
      </button>
    );
  return (
    <EraseForm
      customer={customer}
      pending={pending}
      onConfirm={onConfirm}
      onKeep={() => setConfirming(false)}
    />
  );
}

/** The word to type before the erasure: only ERASE lets the button press. */
function EraseForm({
  customer,
  pending,
  onConfirm,
  onKeep,
}: {
  customer: TCustomerSummary;
  pending: boolean;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  const [typed, setTyped] = useState('');
  const { fields, formProps } = useApiForm<{ confirm: string }, string>({
    id: `erase-${customer.id}`,
    toInput: (values) => values.confirm,
    onValid: (word) => word === 'ERASE' && onConfirm(),
  });
  return (
    <form {...formProps}>
      <Field
        field={fields.confirm}
        label={`Type ERASE to replace ${customer.name}’s details with a tombstone for good`}
        value={typed}
        autoFocus
        onChange={(event) => setTyped(event.target.value)}
      />
      <button type="submit" className="button danger" disabled={typed !== 'ERASE' || pending}>
        Erase
      </button>{' '}
      <button type="button" className="button secondary" onClick={onKeep}>
        Keep
      </button>
    </form>
  );
}
