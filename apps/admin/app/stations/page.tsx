import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { can } from '@hibachi/core/auth/permissions';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { StationList } from '@/components/station-list';
import { requireStaffPage } from '@/lib/staff';

export const metadata: Metadata = { title: 'Stations' };

export default async function StationsPage() {
  const staff = await requireStaffPage('/stations');
  if (!can(staff.role, 'stations.manage')) notFound();
  return (
    <section aria-labelledby="stations-heading">
      <h1 id="stations-heading">Stations</h1>
      <WidgetBoundary title="Stations">
        <StationList />
      </WidgetBoundary>
    </section>
  );
}
