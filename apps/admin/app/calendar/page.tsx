import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { listStationsForStaff } from '@hibachi/core/auth';
import { can } from '@hibachi/core/auth/permissions';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { CalendarLoader } from '@/components/calendar/calendar-loader';
import { requireStaffPage } from '@/lib/staff';

export const metadata: Metadata = { title: 'Calendar' };

export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(await searchParams))
    if (typeof value === 'string') params.set(name, value);
  const staff = await requireStaffPage(`/calendar${params.size > 0 ? `?${params}` : ''}`);
  const stations = await listStationsForStaff(staff);
  const slug = params.get('station');
  const station = slug ? stations.find((candidate) => candidate.slug === slug) : stations[0];
  if (!station) notFound();
  return (
    <section aria-labelledby="calendar-heading">
      <h1 id="calendar-heading">Calendar · {station.name}</h1>
      <WidgetBoundary title="The calendar">
        <Suspense>
          <CalendarLoader
            station={{ slug: station.slug, name: station.name, timezone: station.timezone }}
            canReschedule={can(staff.role, 'bookings.reschedule')}
          />
        </Suspense>
      </WidgetBoundary>
    </section>
  );
}
