import { redirect } from 'next/navigation';
import { requireStaffPage } from '@/lib/staff';

/** Staff land on the calendar; everyone else on the sign-in page. */
export default async function AdminHome() {
  await requireStaffPage('/calendar');
  redirect('/calendar');
}
