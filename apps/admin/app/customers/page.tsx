import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { can } from '@hibachi/core/auth/permissions';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { CustomerPrivacy } from '@/components/customers/customer-privacy';
import { requireStaffPage } from '@/lib/staff';

export const metadata: Metadata = { title: 'Customer data' };

export default async function CustomersPage() {
  const staff = await requireStaffPage('/customers');
  if (!can(staff.role, 'customers.privacy')) notFound();
  return (
    <section aria-labelledby="customers-heading">
      <h1 id="customers-heading">Customer data</h1>
      <p className="muted">
        Export what we keep about a customer, or erase it when they ask (UK GDPR). Both are audited.
      </p>
      <WidgetBoundary title="Customer data">
        <CustomerPrivacy timeZone={staff.station?.timezone ?? 'UTC'} />
      </WidgetBoundary>
    </section>
  );
}
