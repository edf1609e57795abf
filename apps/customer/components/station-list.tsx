'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { api } from '@/lib/api';
import { formatMoney, timeZoneLabel } from '@hibachi/web/format';

export function StationList() {
  const stations = useQuery({ queryKey: ['stations'], queryFn: api.stations, throwOnError: true });
  if (stations.isPending) return <StationListSkeleton />;
  const list = stations.data ?? [];
  if (list.length === 0) {
    return (
      <p className="muted">No locations are taking bookings right now. Please check back soon.</p>
    );
  }
  return (
    <ul className="card-grid" aria-label="Locations">
      {list.map((station) => (
        <li key={station.id} className="card" data-testid="station-card">
          <h3>{station.name}</h3>
          <p className="muted">{timeZoneLabel(station.timezone)}</p>
          <dl className="facts">
            <div>
              <dt>Adults</dt>
              <dd>{formatMoney(station.pricing.adultCents)}</dd>
            </div>
            <div>
              <dt>Kids</dt>
              <dd>{formatMoney(station.pricing.childCents)}</dd>
            </div>
            <div>
              <dt>Minimum</dt>
              <dd>{formatMoney(station.pricing.minimumCents)}</dd>
            </div>
          </dl>
          <p className="muted small">
            Starts {station.serviceHours.firstStart}–{station.serviceHours.lastStart} · book{' '}
            {station.minimumNoticeHours} h ahead
          </p>
          <Link
            className="button"
            href={`/book/${station.slug}`}
            aria-label={`Book a chef in ${station.name}`}
          >
            Book
          </Link>
        </li>
      ))}
    </ul>
  );
}

function StationListSkeleton() {
  return (
    <ul className="card-grid" aria-busy="true" aria-label="Loading locations">
      {Array.from({ length: 6 }, (_, index) => (
        <li key={index} className="card skeleton" />
      ))}
    </ul>
  );
}
