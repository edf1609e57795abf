'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useRef, type FormEvent, type KeyboardEvent } from 'react';
import { formatLocalDate, formatMoney, formatTime, moneyOf } from '@hibachi/web/format';
import { api } from '@/lib/api';
import { STATUS_LABELS } from '@/lib/labels';
import { PagedList } from './paged-list';
import { StatusBadge } from './status-badge';

const FILTERS = ['status', 'from', 'to', 'q', 'station'] as const;

/**
 * The bookings list: filters and search live in the URL (shareable, back button works),
 * pages load by cursor ("Load more"), arrow keys move between rows and "/" jumps to search.
 */
export function BookingsTable({ showStation }: { showStation: boolean }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const search = useRef<HTMLInputElement>(null);
  const filters = new URLSearchParams();
  for (const name of FILTERS) {
    const value = searchParams.get(name);
    if (value) filters.set(name, value);
  }
  const key = filters.toString();

  const query = useInfiniteQuery({
    queryKey: ['bookings', key],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(key);
      params.set('limit', '25');
      if (pageParam) params.set('cursor', pageParam);
      return api.bookings({ query: params });
    },
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      const value = name === 'station' ? searchParams.get('station') : data.get(name);
      if (typeof value === 'string' && value.trim()) params.set(name, value.trim());
    }
    router.replace(`${pathname}${params.size > 0 ? `?${params}` : ''}`);
  }

  function moveFocus(event: KeyboardEvent<HTMLTableSectionElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a.row-link')];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = links[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  return (
    <div
      onKeyDown={(event) => {
        if (event.key === '/' && document.activeElement?.tagName !== 'INPUT') {
          event.preventDefault();
          search.current?.focus();
        }
      }}
    >
      <form
        className="filters"
        onSubmit={applyFilters}
        key={key}
        role="search"
        aria-label="Filter bookings"
      >
        <div className="field">
          <label htmlFor="q">Search</label>
          <input
            ref={search}
            id="q"
            name="q"
            type="search"
            placeholder="Reference, full e-mail or phone"
            aria-describedby="q-hint"
            defaultValue={searchParams.get('q') ?? ''}
          />
          <small id="q-hint" className="muted small">
            Customer details are encrypted: search a whole e-mail or phone, not part of a name.
          </small>
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={searchParams.get('status') ?? ''}>
            <option value="">Any status</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">From</label>
          <input id="from" name="from" type="date" defaultValue={searchParams.get('from') ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="to">To</label>
          <input id="to" name="to" type="date" defaultValue={searchParams.get('to') ?? ''} />
        </div>
        <div className="filter-actions">
          <button type="submit" className="button">
            Apply
          </button>
          {key && key !== `station=${searchParams.get('station')}` ? (
            <Link
              className="button secondary"
              href={
                searchParams.get('station')
                  ? `${pathname}?station=${searchParams.get('station')}`
                  : pathname
              }
            >
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      <PagedList
        query={query}
        count={rows.length}
        noun="Bookings"
        empty="No bookings match these filters."
      >
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Bookings, newest event first</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">When</th>
                {showStation ? <th scope="col">Station</th> : null}
                <th scope="col">Customer</th>
                <th scope="col">Party</th>
                <th scope="col">Chef</th>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">
                  Balance
                </th>
              </tr>
            </thead>
            <tbody onKeyDown={moveFocus}>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link className="row-link reference" href={`/bookings/${row.id}`}>
                      {row.reference}
                    </Link>
                  </td>
                  <td>
                    {formatLocalDate(row.date, {
                      weekday: 'short',
                      month: 'short',
                      day: 'numeric',
                      year: 'numeric',
                    })}
                    , {formatTime(row.time)}
                  </td>
                  {showStation ? <td>{row.station.name}</td> : null}
                  <td>
                    {row.customer.name}
                    <span className="small muted block">{row.customer.email}</span>
                  </td>
                  <td>{row.adults + row.children}</td>
                  <td>
                    <span
                      className="chef-dot"
                      style={{ background: row.chef.color }}
                      aria-hidden="true"
                    />
                    {row.chef.name}
                  </td>
                  <td>
                    <StatusBadge status={row.status} />
                  </td>
                  <td className="numeric">
                    {row.balanceCents > 0 ? formatMoney(row.balanceCents, moneyOf(row)) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PagedList>
    </div>
  );
}
