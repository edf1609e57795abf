import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { can } from '@hibachi/core/auth/permissions';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { CalendarLoader } from '@/components/calendar/calendar-loader';
import { requireStaffPage } from '@/lib/staff';
import { chosenStation, pageParams } from '@/lib/station-choice';

export const metadata: Metadata = { title: 'Calendar' };

export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await pageParams(searchParams);
  const staff = await requireStaffPage(`/calendar${params.size > 0 ? `?${params}` : ''}`);
  const station = await chosenStation(staff, params.get('station'), { superAdmin: 'first' });
  if (!station) notFound();
  return (
    <section aria-labelledby="calendar-heading">
      <h1 id="calendar-heading">Calendar · {station.name}</h1>
      <WidgetBoundary title="The calendar">
        <Suspense>
          <CalendarLoader
            station={{ slug: station.slug, name: station.name, timezone: station.timezone }}
            canReschedule={can(staff.role, 'bookings.reschedule')}
            canCreate={can(staff.role, 'bookings.create')}
          />
        </Suspense>
      </WidgetBoundary>
    </section>
  );
}
