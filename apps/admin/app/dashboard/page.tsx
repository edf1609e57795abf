import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { listStationsForStaff } from '@hibachi/core/auth';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { Dashboard } from '@/components/dashboard/dashboard';
import { requireStaffPage } from '@/lib/staff';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(await searchParams))
    if (typeof value === 'string') params.set(name, value);
  const staff = await requireStaffPage(`/dashboard${params.size > 0 ? `?${params}` : ''}`);
  const stations = await listStationsForStaff(staff);
  const slug = params.get('station');
  // A super admin without a station sees every station, dated by the browser's calendar.
  const station = slug
    ? stations.find((candidate) => candidate.slug === slug)
    : staff.role === 'SUPER_ADMIN'
      ? undefined
      : stations[0];
  if (slug && !station) notFound();
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
