'use client';

import { useEffect, useRef, useState } from 'react';
import { ZSignInInput, type TSignInInput } from '@hibachi/core/auth/sign-in.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import { Field } from '@hibachi/web/field';
import { clearOfflineCopies } from '@hibachi/web/offline-copy';
import { useApiForm } from '@hibachi/web/use-api-form';
import { useCountdown } from '@hibachi/web/use-countdown';
import { useHydrated } from '@hibachi/web/use-hydrated';
import { api } from '@/lib/api';
import { safeNext } from '@/lib/safe-next';

type SignInValues = { email: string; password: string };
const toSignInInput = (values: SignInValues): TSignInInput => values;

export function SignInForm({ next }: { next?: string }) {
  const hydrated = useHydrated();
  const [message, setMessage] = useState<string>();
  const [retryUntil, setRetryUntil] = useState<number>();
  const [pending, setPending] = useState(false);
  const waiting = useCountdown(retryUntil);
  const alert = useRef<HTMLParagraphElement>(null);
  const [attempt, setAttempt] = useState(0);
  // Signed out (by hand or by expiry): no offline copy of anyone's events stays on the device.
  useEffect(() => {
    void clearOfflineCopies().catch(() => {});
  }, []);
  // Each refusal moves focus to its message, so screen readers and keyboards land on it.
  useEffect(() => {
    if (attempt > 0) alert.current?.focus();
  }, [attempt]);

  const { form, fields, formProps } = useApiForm<SignInValues, TSignInInput>({
    id: 'sign-in',
    toInput: toSignInInput,
    // The API's own schema, in the browser first: its messages under the fields, focus on the first.
    schema: ZSignInInput,
    onValid: (body) => void signIn(body),
  });

  async function signIn(body: TSignInInput) {
    setMessage(undefined);
    setPending(true);
    try {
      await api.signIn({ body });
      // A full navigation, so every server component sees the new session cookie.
      window.location.assign(safeNext(next));
    } catch (error) {
      setPending(false);
      const apiError =
        error instanceof ApiError ? error : new ApiError(0, 'NETWORK', 'Please try again.');
      if (apiError.retryAfterSeconds) setRetryUntil(Date.now() + apiError.retryAfterSeconds * 1000);
      setMessage(apiError.message);
      form.update({ name: fields.password.name, value: '' });
      setAttempt((count) => count + 1);
    }
  }

  return (
    <form {...formProps} aria-labelledby="sign-in-heading">
      {message && (
        <p ref={alert} className="notice error" role="alert" tabIndex={-1}>
          {message}
          {waiting > 0 && ` You can try again in ${waiting} s.`}
        </p>
      )}
      <Field
        field={fields.email}
        label="E-mail"
        type="email"
        autoComplete="username"
        required
        autoFocus
      />
      <Field
        field={fields.password}
        label="Password"
        type="password"
        autoComplete="current-password"
        required
      />
      <button type="submit" className="button" disabled={!hydrated || pending || waiting > 0}>
        {pending ? 'Signing in…' : waiting > 0 ? `Wait ${waiting} s` : 'Sign in'}
      </button>
    </form>
  );
}
