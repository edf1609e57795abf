import { redirect } from 'next/navigation';
import { can } from '@hibachi/core/auth/permissions';
import { requireStaffPage } from '@/lib/staff';

/** Managers and the super admin land on the dashboard, STAFF on the calendar they work from, a chef on their events. */
export default async function AdminHome() {
  const staff = await requireStaffPage('/');
  if (staff.role === 'CHEF') redirect('/my-events');
  redirect(
    staff.role === 'STAFF' || !can(staff.role, 'analytics.view') ? '/calendar' : '/dashboard',
  );
}
