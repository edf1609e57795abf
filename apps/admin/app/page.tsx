import { redirect } from 'next/navigation';

/** Everything in the admin app sits behind sign-in. */
export default function AdminHome() {
  redirect('/sign-in');
}
