import type { Metadata } from 'next';
import { SetPasswordForm } from '@/components/set-password-form';

export const metadata: Metadata = { title: 'Choose a password' };

/** Signed out: the page a one-time set-password link opens. */
export default async function SetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <section className="panel" aria-labelledby="set-password-heading">
      <h1 id="set-password-heading">Choose a password</h1>
      {typeof token === 'string' && token ? (
        <SetPasswordForm token={token} />
      ) : (
        <p role="alert">This link is incomplete. Open the link from your e-mail again.</p>
      )}
    </section>
  );
}
