import type { Metadata } from 'next';
import { Suspense } from 'react';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { Dashboard } from '@/components/dashboard/dashboard';
import { requireStaffPage } from '@/lib/staff';
import { chosenStation, pageParams } from '@/lib/station-choice';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await pageParams(searchParams);
  const staff = await requireStaffPage(`/dashboard${params.size > 0 ? `?${params}` : ''}`);
  // A super admin without a station sees every station, dated by the browser's calendar.
  const station = await chosenStation(staff, params.get('station'), { superAdmin: 'all' });
  return (
    <section aria-labelledby="dashboard-heading">
      <h1 id="dashboard-heading">Dashboard · {station?.name ?? 'All stations'}</h1>
      <WidgetBoundary title="The dashboard">
        <Suspense>
          <Dashboard timeZone={station?.timezone} stationName={station?.name ?? 'All stations'} />
        </Suspense>
      </WidgetBoundary>
    </section>
  );
}
