import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listStationsForStaff } from '@hibachi/core/auth';
import { can } from '@hibachi/core/auth/permissions';
import { getServerEnv } from '@hibachi/core/env';
import { todayIn } from '@hibachi/web/format';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { NewBookingForm } from '@/components/new-booking/new-booking-form';
import { toNewBookingPrefill } from '@/components/new-booking/new-booking-values';
import { requireStaffPage } from '@/lib/staff';
import { chosenStation, pageParams } from '@/lib/station-choice';

export const metadata: Metadata = { title: 'New booking' };

/**
 * A phone or text order (STAFF and above): `?station=&date=&time=&chef=&duration=` start the
 * form where the calendar's selection was. A super admin chooses the station first.
 */
export default async function NewBookingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await pageParams(searchParams);
  const staff = await requireStaffPage(`/bookings/new${params.size > 0 ? `?${params}` : ''}`);
  if (!can(staff.role, 'bookings.create')) notFound();
  const station = await chosenStation(staff, params.get('station'), { superAdmin: 'all' });
  return (
    <section aria-labelledby="new-booking-heading">
      <h1 id="new-booking-heading">New booking{station ? ` · ${station.name}` : ''}</h1>
      {station ? (
        <WidgetBoundary title="The booking form">
          <NewBookingForm
            station={{ slug: station.slug, name: station.name, timezone: station.timezone }}
            prefill={toNewBookingPrefill(params)}
            today={todayIn(station.timezone)}
            customerOrigin={getServerEnv().PUBLIC_CUSTOMER_URL}
            maySetDeposit={can(staff.role, 'bookings.setDeposit')}
          />
        </WidgetBoundary>
      ) : (
        <StationChoice params={params} stations={await listStationsForStaff(staff)} />
      )}
    </section>
  );
}

/** A super admin's first step: which station the order is for (the rest of the query kept). */
function StationChoice({
  params,
  stations,
}: {
  params: URLSearchParams;
  stations: { slug: string; name: string; active: boolean }[];
}) {
  const hrefFor = (slug: string) => {
    const next = new URLSearchParams(params);
    next.set('station', slug);
    return `/bookings/new?${next}`;
  };
  return (
    <nav aria-labelledby="station-choice-heading" className="card">
      <h2 id="station-choice-heading">Which station is the booking for?</h2>
      <ul className="plain-list station-choice">
        {stations
          .filter((station) => station.active)
          .map((station) => (
            <li key={station.slug}>
              <Link className="button secondary" href={hrefFor(station.slug)}>
                {station.name}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
