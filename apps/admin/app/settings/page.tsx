import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { can } from '@hibachi/core/auth/permissions';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { ChefRoster } from '@/components/chef-roster';
import { MenuItemsEditor } from '@/components/settings/menu-items-editor';
import { SettingsDates } from '@/components/season/settings-dates';
import { StationSettingsForm } from '@/components/station-settings-form';
import { TermsEditor } from '@/components/settings/terms-editor';
import { requireStaffPage } from '@/lib/staff';
import { chosenStation, pageParams } from '@/lib/station-choice';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await pageParams(searchParams);
  const slug = params.get('station');
  const staff = await requireStaffPage(
    `/settings${slug ? `?station=${encodeURIComponent(slug)}` : ''}`,
  );
  if (!can(staff.role, 'stations.settings')) notFound();
  const station = await chosenStation(staff, slug, { superAdmin: 'all' });
  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading">Settings{station ? ` · ${station.name}` : ''}</h1>
      {station ? (
        <>
          <WidgetBoundary title="The settings">
            <StationSettingsForm slug={station.slug} />
          </WidgetBoundary>
          <WidgetBoundary title="The terms">
            <TermsEditor slug={station.slug} timeZone={station.timezone} />
          </WidgetBoundary>
          <WidgetBoundary title="The menu">
            <MenuItemsEditor slug={station.slug} />
          </WidgetBoundary>
          <WidgetBoundary title="The chefs">
            <ChefRoster slug={station.slug} />
          </WidgetBoundary>
          <WidgetBoundary title="Closed dates and other hours">
            <SettingsDates station={{ slug: station.slug, timezone: station.timezone }} />
          </WidgetBoundary>
        </>
      ) : (
        <p className="muted">Choose a station in the header to see and edit its settings.</p>
      )}
    </section>
  );
}
