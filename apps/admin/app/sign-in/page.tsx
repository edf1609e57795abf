import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/sign-in-form';
import { safeNext } from '@/lib/safe-next';
import { currentStaff } from '@/lib/staff';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next } = await searchParams;
  const target = typeof next === 'string' ? next : undefined;
  if (await currentStaff()) redirect(safeNext(target));
  return (
    <section className="panel" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Staff sign-in</h1>
      <p className="muted">Bookings, calendar and payments for your station.</p>
      <SignInForm next={target} />
    </section>
  );
}
