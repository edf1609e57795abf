'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ZAnalyticsQuery } from '@hibachi/core/analytics/analytics.schema';
import { fieldErrors } from '@hibachi/core/validation/client';
import { ApiError } from '@hibachi/web/fetch-json';
import { formatLocalDate, formatMoney } from '@hibachi/web/format';
import { api } from '@/lib/api';
import {
  isPreset,
  presetRange,
  previousRange,
  RANGE_PRESETS,
  todayIn,
  type DateRange,
  type RangePreset,
} from '@/lib/date-ranges';
import { STATUS_LABELS } from '@/lib/labels';
import { KpiCards, type Figures } from './kpi-cards';

// recharts is only fetched by this page, after the figures are on screen.
const chartSkeleton = () => <div className="chart panel skeleton" aria-busy="true" />;
const DailyChart = dynamic(() => import('./charts').then((module) => module.DailyChart), {
  ssr: false,
  loading: chartSkeleton,
});
const MonthlyChart = dynamic(() => import('./charts').then((module) => module.MonthlyChart), {
  ssr: false,
  loading: chartSkeleton,
});
const MethodsChart = dynamic(() => import('./charts').then((module) => module.MethodsChart), {
  ssr: false,
  loading: chartSkeleton,
});

const REFRESH_MS = 60_000;

async function figuresFor(range: DateRange, station: string): Promise<Figures> {
  const query = new URLSearchParams({ ...range, ...(station ? { station } : {}) });
  const [bookings, payments, customers] = await Promise.all([
    api.bookingKpis(query),
    api.paymentAnalytics(query),
    api.customerAnalytics(query),
  ]);
  return { bookings, payments, customers };
}

/**
 * The dashboard: KPI cards against the previous period, charts, top customers, owed refunds,
 * a customer lookup and a CSV export for a range (presets or custom, in the URL with the
 * station). Figures come from core's one-statement analytics.
 */
export function Dashboard({ timeZone, stationName }: { timeZone?: string; stationName: string }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const station = searchParams.get('station') ?? '';
  const [customError, setCustomError] = useState<string>();
  const rangeParam = searchParams.get('range');
  const preset: RangePreset = isPreset(rangeParam) ? rangeParam : 'last-30-days';
  const today = todayIn(timeZone);
  const range: DateRange =
    preset === 'custom'
      ? {
          from: searchParams.get('from') ?? presetRange('last-30-days', today).from,
          to: searchParams.get('to') ?? today,
        }
      : presetRange(preset, today);
  const previous = previousRange(range);

  const current = useQuery({
    queryKey: ['analytics', station, range.from, range.to],
    queryFn: () => figuresFor(range, station),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  const before = useQuery({
    queryKey: ['analytics', station, previous.from, previous.to],
    queryFn: () => figuresFor(previous, station),
    enabled: current.isSuccess,
  });

  const navigate = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams(searchParams);
    for (const [name, value] of Object.entries(changes))
      if (value) params.set(name, value);
      else params.delete(name);
    router.replace(`${pathname}?${params}`, { scroll: false });
  };
  const rangeError =
    current.error instanceof ApiError && current.error.status === 400
      ? Object.values(current.error.details ?? {})
          .flat()
          .join(' ')
      : undefined;
  const figures = current.data;
  const csvQuery = new URLSearchParams({ ...range, ...(station ? { station } : {}) });

  return (
    <div className="dashboard">
      <div className="dashboard-controls panel">
        <div role="group" aria-label="Range" className="segmented">
          {(Object.keys(RANGE_PRESETS) as RangePreset[]).map((option) => (
            <button
              key={option}
              type="button"
              className="button secondary"
              aria-pressed={option === preset}
              onClick={() =>
                navigate(
                  option === 'custom'
                    ? { range: option, from: range.from, to: range.to }
                    : { range: option, from: undefined, to: undefined },
                )
              }
            >
              {RANGE_PRESETS[option]}
            </button>
          ))}
        </div>
        {preset === 'custom' ? (
          <form
            className="custom-range"
            onSubmit={(event: FormEvent<HTMLFormElement>) => {
              event.preventDefault();
              const data = new FormData(event.currentTarget);
              const chosen = { from: String(data.get('from')), to: String(data.get('to')) };
              // The API's rule (valid dates, from ≤ to, at most two years), checked here first.
              const checked = ZAnalyticsQuery.safeParse(chosen);
              setCustomError(
                checked.success ? undefined : Object.values(fieldErrors(checked.error)).flat()[0],
              );
              if (checked.success) navigate({ range: 'custom', ...chosen });
            }}
          >
            <label>
              From <input type="date" name="from" defaultValue={range.from} required />
            </label>
            <label>
              To <input type="date" name="to" defaultValue={range.to} required />
            </label>
            <button type="submit" className="button">
              Show
            </button>
            {customError ? (
              <p className="field-error" role="alert">
                {customError}
              </p>
            ) : null}
          </form>
        ) : null}
        <p className="muted small" aria-live="polite">
          {stationName} · {formatLocalDate(range.from)} – {formatLocalDate(range.to)}
          {current.isFetching ? ' · updating…' : ''}
        </p>
        <a
          className="button secondary"
          href={`/api/admin/analytics/bookings.csv?${csvQuery}`}
          download
        >
          Export bookings (CSV)
        </a>
      </div>

      {rangeError ? (
        <p className="notice error" role="alert">
          {rangeError}
        </p>
      ) : current.isError ? (
        <p className="notice error" role="alert">
          The figures could not be loaded.{' '}
          <button type="button" className="link-button" onClick={() => void current.refetch()}>
            Try again
          </button>
        </p>
      ) : null}

      <KpiCards figures={figures} previous={before.data} />

      <div className="chart-grid">
        {figures ? (
          <>
            <DailyChart kpis={figures.bookings} />
            <MonthlyChart payments={figures.payments} />
            <MethodsChart payments={figures.payments} />
          </>
        ) : (
          [0, 1, 2].map((index) => (
            <div key={index} className="chart panel skeleton" aria-busy="true" />
          ))
        )}
        <StatusTable figures={figures} />
      </div>

      <div className="dashboard-columns">
        <TopCustomers figures={figures} />
        <RefundsOwed figures={figures} />
      </div>
      <CustomerLookup range={range} station={station} />
    </div>
  );
}

function StatusTable({ figures }: { figures?: Figures }) {
  return (
    <section className="panel" aria-labelledby="status-heading">
      <h2 id="status-heading">Bookings by status</h2>
      {figures ? (
        <table>
          <tbody>
            {Object.entries(figures.bookings.byStatus).map(([status, count]) => (
              <tr key={status}>
                <th scope="row">{STATUS_LABELS[status as keyof typeof STATUS_LABELS] ?? status}</th>
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

function TopCustomers({ figures }: { figures?: Figures }) {
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
                  <td className="number">{formatMoney(customer.lifetimeValueCents)}</td>
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

function RefundsOwed({ figures }: { figures?: Figures }) {
  const owed = figures?.payments.refundsOwed;
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
            {owed.count} refund{owed.count === 1 ? '' : 's'} ({formatMoney(owed.cents)}) asked for
            and not landed yet.
          </p>
          <ul className="plain-list">
            {owed.items.map((item) => (
              <li key={item.bookingId}>
                <Link href={`/bookings/${item.bookingId}`}>{item.reference}</Link>{' '}
                {formatMoney(item.owedCents)} · {Math.floor(item.ageDays)} days
                {item.lastError ? <span className="muted small"> · {item.lastError}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function CustomerLookup({ range, station }: { range: DateRange; station: string }) {
  const [email, setEmail] = useState('');
  const lookup = useQuery({
    queryKey: ['customer-lookup', station, email],
    queryFn: () =>
      api.customerAnalytics(
        new URLSearchParams({ ...range, email, ...(station ? { station } : {}) }),
      ),
    enabled: email !== '',
    retry: false,
  });
  const error =
    lookup.error instanceof ApiError
      ? ((Object.values(lookup.error.details ?? {}).flat()[0] as string | undefined) ??
        lookup.error.message)
      : undefined;
  const customer = lookup.data?.customer;
  return (
    <section className="panel" aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">Customer lookup</h2>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          setEmail(String(new FormData(event.currentTarget).get('email') ?? '').trim());
        }}
      >
        <label htmlFor="lookup-email">E-mail</label>
        <input
          id="lookup-email"
          name="email"
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
            <strong>{formatMoney(customer.lifetimeValueCents)}</strong>
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
                    <td className="number">{formatMoney(booking.totalCents)}</td>
                    <td className="number">{formatMoney(booking.paidCents)}</td>
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
