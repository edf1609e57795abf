import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Sign in' };

export default function SignInPage() {
  return (
    <section className="panel" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Staff sign-in</h1>
      <p className="notice" role="status">
        Sign-in is not available yet: staff accounts exist in the database, and password sign-in
        (with lockout and rate limits) arrives with the admin authentication work. Nothing on this
        page signs you in.
      </p>
      <form aria-describedby="sign-in-heading">
        <div className="field">
          <label htmlFor="email">E-mail</label>
          <input id="email" name="email" type="email" autoComplete="username" disabled />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            disabled
          />
        </div>
        <button type="submit" className="button" disabled>
          Sign in
        </button>
      </form>
    </section>
  );
}
