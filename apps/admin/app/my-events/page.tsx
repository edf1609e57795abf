import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { can } from '@hibachi/core/auth/permissions';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { MyEventsList } from '@/components/my-events/my-events-list';
import { requireStaffPage } from '@/lib/staff';

export const metadata: Metadata = { title: 'My events' };

export default async function MyEventsPage() {
  const staff = await requireStaffPage('/my-events');
  if (!can(staff.role, 'myEvents.view')) notFound();
  return (
    <section aria-labelledby="my-events-heading" className="my-events">
      <h1 id="my-events-heading">My events</h1>
      <WidgetBoundary title="Your events">
        <MyEventsList />
      </WidgetBoundary>
    </section>
  );
}
