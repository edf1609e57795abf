'use client';

import Link from 'next/link';
import { formatLocalDate, formatMoney } from '@hibachi/web/format';
import { STATUS_LABELS } from '@/lib/labels';
import type { Figures } from './kpi-cards';
import { SETTLER_ACTIONS } from '@hibachi/core/money/refund-settler';

const statusLabel = (status: string) => (status in STATUS_LABELS ? STATUS_LABELS[status] : status);

export function StatusTable({ figures }: { figures?: Figures }) {
  return (
    <section className="panel" aria-labelledby="status-heading">
      <h2 id="status-heading">Bookings by status</h2>
      {figures ? (
        <table>
          <tbody>
            {Object.entries(figures.bookings.byStatus).map(([status, count]) => (
              <tr key={status}>
                <th scope="row">{statusLabel(status)}</th>
                <td className="number">{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div className="skeleton block" aria-busy="true" />
      )}
    </section>
  );
}

export function TopCustomers({ figures }: { figures?: Figures }) {
  return (
    <section className="panel" aria-labelledby="top-heading">
      <h2 id="top-heading">Top customers</h2>
      <p className="muted small">Customers of this range, by lifetime value (net paid).</p>
      {!figures ? (
        <div className="skeleton block" aria-busy="true" />
      ) : figures.customers.topCustomers.length === 0 ? (
        <p className="muted">No customers in this range.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Bookings</th>
                <th scope="col">Lifetime value</th>
                <th scope="col">Last event</th>
              </tr>
            </thead>
            <tbody>
              {figures.customers.topCustomers.map((customer) => (
                <tr key={customer.email}>
                  <td>
                    {customer.name}
                    <br />
                    <span className="muted small">{customer.email}</span>
                  </td>
                  <td className="number">{customer.bookings}</td>
                  <td className="number">
                    {formatMoney(customer.lifetimeValueCents, figures.customers)}
                  </td>
                  <td>{customer.lastEventDate ? formatLocalDate(customer.lastEventDate) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function RefundsOwed({ figures }: { figures?: Figures }) {
  const owed = figures?.payments.refundsOwed;
  const money = figures?.payments ?? { currency: 'USD', locale: 'en-US' };
  return (
    <section className="panel" aria-labelledby="owed-heading">
      <h2 id="owed-heading">Refunds owed</h2>
      {!owed ? (
        <div className="skeleton block" aria-busy="true" />
      ) : owed.count === 0 ? (
        <p className="muted">Every refund asked for has landed.</p>
      ) : (
        <>
          <p>
            {owed.count} refund{owed.count === 1 ? '' : 's'} ({formatMoney(owed.cents, money)})
            asked for and not landed yet.
          </p>
          <ul className="plain-list">
            {owed.items.map((item) => (
              <li key={item.paymentId}>
                <Link href={`/bookings/${item.bookingId}`}>{item.reference}</Link>{' '}
                {formatMoney(item.owedCents, money)} · {SETTLER_ACTIONS[item.settledBy]} ·{' '}
                {Math.floor(item.ageDays)} days
                {item.lastError ? <span className="muted small"> · {item.lastError}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Gratuities paid online in the range, per chef of the event: a bar each, in the chef's colour. */
export function GratuityByChef({ figures }: { figures?: Figures }) {
  const gratuity = figures?.payments.gratuity;
  const money = figures?.payments ?? { currency: 'USD', locale: 'en-US' };
  const most = Math.max(1, ...(gratuity?.byChef.map((chef) => chef.cents) ?? []));
  return (
    <section className="panel" aria-labelledby="gratuity-heading">
      <h2 id="gratuity-heading">Gratuities by chef</h2>
      <p className="muted small">
        Paid online with the balance in this range, less any given back; chef income, never part of
        the revenue above.
      </p>
      {!gratuity ? (
        <div className="skeleton block" aria-busy="true" />
      ) : gratuity.byChef.length === 0 ? (
        <p className="muted">No gratuities paid online in this range.</p>
      ) : (
        <>
          <p data-testid="gratuity-total">
            {formatMoney(gratuity.cents, money)} from {gratuity.payments} payment
            {gratuity.payments === 1 ? '' : 's'}.
          </p>
          <ul className="plain-list gratuity-bars">
            {gratuity.byChef.map((chef) => (
              <li key={chef.chefId} data-testid="gratuity-chef">
                <span className="gratuity-name">{chef.name}</span>
                <span className="gratuity-bar" aria-hidden="true">
                  <span
                    style={{ width: `${(chef.cents / most) * 100}%`, background: chef.color }}
                  />
                </span>
                <span className="number">
                  {formatMoney(chef.cents, money)}{' '}
                  <span className="muted small">
                    ({chef.payments} payment{chef.payments === 1 ? '' : 's'})
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
