import { redirect } from 'next/navigation';
import { requireStaffPage } from '@/lib/staff';

/** Staff land on their bookings; everyone else on the sign-in page. */
export default async function AdminHome() {
  await requireStaffPage('/bookings');
  redirect('/bookings');
}
