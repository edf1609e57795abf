import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { can } from '@hibachi/core/auth/permissions';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { Inbox } from '@/components/inbox/inbox';
import { requireStaffPage } from '@/lib/staff';
import { chosenStation, pageParams } from '@/lib/station-choice';

export const metadata: Metadata = { title: 'Inbox' };

export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await pageParams(searchParams);
  const staff = await requireStaffPage(`/inbox${params.size > 0 ? `?${params}` : ''}`);
  if (!can(staff.role, 'conversations.answer')) notFound();
  const station = await chosenStation(staff, params.get('station'), { superAdmin: 'all' });
  return (
    <section aria-labelledby="inbox-heading">
      <h1 id="inbox-heading">Inbox{station ? ` · ${station.name}` : ' · all stations'}</h1>
      <WidgetBoundary title="The inbox">
        <Suspense>
          <Inbox station={station?.slug} me={staff.staffId} />
        </Suspense>
      </WidgetBoundary>
    </section>
  );
}
