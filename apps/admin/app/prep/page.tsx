import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { can } from '@hibachi/core/auth/permissions';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { PrepSheet } from '@/components/prep/prep-sheet';
import { requireStaffPage } from '@/lib/staff';
import { chosenStation, pageParams } from '@/lib/station-choice';

export const metadata: Metadata = { title: 'Prep sheet' };

export default async function PrepPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await pageParams(searchParams);
  const staff = await requireStaffPage(`/prep${params.size > 0 ? `?${params}` : ''}`);
  if (!can(staff.role, 'prep.view')) notFound();
  const station = await chosenStation(staff, params.get('station'), { superAdmin: 'first' });
  if (!station) notFound();
  return (
    <section aria-labelledby="prep-heading" className="prep-page">
      <h1 id="prep-heading">Prep sheet · {station.name}</h1>
      <WidgetBoundary title="The prep sheet">
        <Suspense>
          <PrepSheet station={{ slug: station.slug, timezone: station.timezone }} />
        </Suspense>
      </WidgetBoundary>
    </section>
  );
}
