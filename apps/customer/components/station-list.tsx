import Link from 'next/link';
import type { TStationSummary } from '@hibachi/core/stations/station.schema';
import { formatMoney, timeZoneLabel } from '@hibachi/web/format';

/** The stations as cards: a server component (the landing page ships no data library). */
export function StationList({ list }: { list: TStationSummary[] }) {
  if (list.length === 0) {
    return (
      <p className="muted">No locations are taking bookings right now. Please check back soon.</p>
    );
  }
  return (
    <ul className="card-grid" aria-label="Locations">
      {list.map((station) => (
        <li key={station.id} className="card" data-testid="station-card">
          <h3>
            <Link href={`/locations/${station.slug}`}>{station.name}</Link>
          </h3>
          <p className="muted">{timeZoneLabel(station.timezone)}</p>
          <dl className="facts">
            <div>
              <dt>Adults</dt>
              <dd>{formatMoney(station.pricing.adultCents, station)}</dd>
            </div>
            <div>
              <dt>Kids</dt>
              <dd>{formatMoney(station.pricing.childCents, station)}</dd>
            </div>
            <div>
              <dt>Minimum</dt>
              <dd>{formatMoney(station.pricing.minimumCents, station)}</dd>
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
