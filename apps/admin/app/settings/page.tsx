import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { can } from '@hibachi/core/auth/permissions';
import { listStationsForStaff } from '@hibachi/core/auth';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { ChefRoster } from '@/components/chef-roster';
import { StationSettingsForm } from '@/components/station-settings-form';
import { requireStaffPage } from '@/lib/staff';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const chosen = (await searchParams).station;
  const slug = typeof chosen === 'string' ? chosen : undefined;
  const staff = await requireStaffPage(
    `/settings${slug ? `?station=${encodeURIComponent(slug)}` : ''}`,
  );
  if (!can(staff.role, 'stations.settings')) notFound();
  const stations = await listStationsForStaff(staff);
  const station = slug
    ? stations.find((candidate) => candidate.slug === slug)
    : staff.role === 'SUPER_ADMIN'
      ? undefined
      : stations[0];
  if (slug && !station) notFound();
  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading">Settings{station ? ` · ${station.name}` : ''}</h1>
      {station ? (
        <>
          <WidgetBoundary title="The settings">
            <StationSettingsForm slug={station.slug} />
          </WidgetBoundary>
          <WidgetBoundary title="The chefs">
            <ChefRoster slug={station.slug} />
          </WidgetBoundary>
        </>
      ) : (
        <p className="muted">Choose a station in the header to see and edit its settings.</p>
      )}
    </section>
  );
}
