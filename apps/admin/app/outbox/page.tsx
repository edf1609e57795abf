import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { can } from '@hibachi/core/auth/permissions';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { OutboxList } from '@/components/outbox-list';
import { requireStaffPage } from '@/lib/staff';

export const metadata: Metadata = { title: 'Outbox' };

export default async function OutboxPage() {
  const staff = await requireStaffPage('/outbox');
  if (!can(staff.role, 'outbox.view')) notFound();
  return (
    <section aria-labelledby="outbox-heading">
      <h1 id="outbox-heading">E-mail outbox</h1>
      <p className="muted">
        Every e-mail to customers, as sent (or as it will be sent). Failed ones can be sent again.
      </p>
      <WidgetBoundary title="The outbox">
        <Suspense>
          <OutboxList timeZone={staff.station?.timezone ?? 'UTC'} />
        </Suspense>
      </WidgetBoundary>
    </section>
  );
}
