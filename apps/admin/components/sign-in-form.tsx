'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ZSignInInput } from '@hibachi/core/auth/sign-in.schema';
import { fieldErrors } from '@hibachi/core/validation/client';
import { ApiError } from '@hibachi/web/fetch-json';
import { clearOfflineCopies } from '@hibachi/web/offline-copy';
import { useCountdown } from '@hibachi/web/use-countdown';
import { useHydrated } from '@hibachi/web/use-hydrated';
import { api } from '@/lib/api';
import { safeNext } from '@/lib/safe-next';

export function SignInForm({ next }: { next?: string }) {
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string>();
  const [retryUntil, setRetryUntil] = useState<number>();
  const [busy, setBusy] = useState(false);
  const waiting = useCountdown(retryUntil);
  const alert = useRef<HTMLParagraphElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  // Signed out (by hand or by expiry): no offline copy of anyone's events stays on the device.
  useEffect(() => {
    void clearOfflineCopies().catch(() => {});
  }, []);
  // Each refusal moves focus to its message, so screen readers and keyboards land on it.
  useEffect(() => {
    if (attempt > 0) alert.current?.focus();
  }, [attempt]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = ZSignInInput.safeParse({
      email: data.get('email'),
      password: data.get('password'),
    });
    setMessage(undefined);
    if (!parsed.success) {
      const details = fieldErrors(parsed.error);
      setErrors(details);
      form.current?.querySelector<HTMLInputElement>(`[name="${Object.keys(details)[0]}"]`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await api.signIn({ body: parsed.data });
      // A full navigation, so every server component sees the new session cookie.
      window.location.assign(safeNext(next));
    } catch (error) {
      setBusy(false);
      const apiError =
        error instanceof ApiError ? error : new ApiError(0, 'NETWORK', 'Please try again.');
      if (apiError.retryAfterSeconds) setRetryUntil(Date.now() + apiError.retryAfterSeconds * 1000);
      setMessage(apiError.message);
      const password = form.current?.querySelector<HTMLInputElement>('[name="password"]');
      if (password) password.value = '';
      setAttempt((count) => count + 1);
    }
  }

  const fieldProps = (name: 'email' | 'password') => ({
    id: name,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${name}-error` : undefined,
  });

  return (
    <form
      ref={form}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="sign-in-heading"
    >
      {message && (
        <p ref={alert} className="notice error" role="alert" tabIndex={-1}>
          {message}
          {waiting > 0 && ` You can try again in ${waiting} s.`}
        </p>
      )}
      <div className="field">
        <label htmlFor="email">E-mail</label>
        <input {...fieldProps('email')} type="email" autoComplete="username" required autoFocus />
        <p id="email-error" className="field-error">
          {errors.email?.[0]}
        </p>
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          {...fieldProps('password')}
          type="password"
          autoComplete="current-password"
          required
        />
        <p id="password-error" className="field-error">
          {errors.password?.[0]}
        </p>
      </div>
      <button type="submit" className="button" disabled={!hydrated || busy || waiting > 0}>
        {busy ? 'Signing in…' : waiting > 0 ? `Wait ${waiting} s` : 'Sign in'}
      </button>
    </form>
  );
}
