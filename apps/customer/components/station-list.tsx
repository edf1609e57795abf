'use client';

import { useSuspenseQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { TStationSummary } from '@hibachi/core/stations/schema';
import { fetchJson } from '@hibachi/web/fetch-json';

const formatMoney = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(cents / 100);

/** "America/Anchorage" → "Alaska Time", as a customer would say it. */
function timeZoneLabel(timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(new Date())
    .find((item) => item.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

export function StationList() {
  return (
    <Suspense fallback={<StationListSkeleton />}>
      <Stations />
    </Suspense>
  );
}

function Stations() {
  const { data: stations } = useSuspenseQuery({
    queryKey: ['stations'],
    queryFn: () => fetchJson<TStationSummary[]>('/api/stations'),
  });
  if (stations.length === 0) {
    return <p className="muted">No locations are taking bookings right now. Please check back soon.</p>;
  }
  return (
    <ul className="card-grid" aria-label="Locations">
      {stations.map((station) => (
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
            Starts {station.serviceHours.firstStart}–{station.serviceHours.lastStart} · book {station.minimumNoticeHours} h
            ahead
          </p>
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
