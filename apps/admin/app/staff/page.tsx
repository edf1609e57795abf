import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { listStationsForStaff } from '@hibachi/core/auth';
import { can } from '@hibachi/core/auth/permissions';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { StaffAccounts } from '@/components/staff/staff-accounts';
import { requireStaffPage } from '@/lib/staff';

export const metadata: Metadata = { title: 'Staff' };

export default async function StaffPage() {
  const staff = await requireStaffPage('/staff');
  if (!can(staff.role, 'staff.manage')) notFound();
  const stations = await listStationsForStaff(staff);
  return (
    <section aria-labelledby="staff-heading">
      <h1 id="staff-heading">Staff accounts</h1>
      <WidgetBoundary title="Staff accounts">
        <StaffAccounts
          stations={stations.map(({ slug, name }) => ({ slug, name }))}
          me={staff.staffId}
        />
      </WidgetBoundary>
    </section>
  );
}
