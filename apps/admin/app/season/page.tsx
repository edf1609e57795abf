import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { can } from '@hibachi/core/auth/permissions';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { SeasonPlanner } from '@/components/season/season-planner';
import { requireStaffPage } from '@/lib/staff';
import { chosenStation, pageParams } from '@/lib/station-choice';

export const metadata: Metadata = { title: 'Time off and closed dates' };

export default async function SeasonPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await pageParams(searchParams);
  const staff = await requireStaffPage(`/season${params.size > 0 ? `?${params}` : ''}`);
  if (!can(staff.role, 'chefs.timeOff')) notFound();
  const station = await chosenStation(staff, params.get('station'), { superAdmin: 'first' });
  if (!station) notFound();
  return (
    <section aria-labelledby="season-heading">
      <h1 id="season-heading">Time off and closed dates · {station.name}</h1>
      <WidgetBoundary title="The season">
        <SeasonPlanner
          station={{ slug: station.slug, timezone: station.timezone }}
          canEditDates={can(staff.role, 'stations.settings')}
        />
      </WidgetBoundary>
    </section>
  );
}
