'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import type { KeyboardEvent } from 'react';
import { formatLocalDate, formatMoney, formatTime, moneyOf } from '@hibachi/web/format';
import { api } from '@/lib/api';
import { BookingFilterForm, SEARCH_ID } from './booking-filter-form';
import { FILTERS } from './booking-filters';
import { PagedList } from './paged-list';
import { StatusBadge } from './status-badge';

/**
 * The bookings list: filters and search live in the URL (shareable, back button works),
 * pages load by cursor ("Load more"), arrow keys move between rows and "/" jumps to search.
 */
export function BookingsTable({ showStation }: { showStation: boolean }) {
  const searchParams = useSearchParams();
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
          document.getElementById(SEARCH_ID)?.focus();
        }
      }}
    >
      <BookingFilterForm key={key} />

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
