'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '@hibachi/core/staff/password-policy';
import { ApiError } from '@hibachi/web/fetch-json';
import { api } from '@/lib/api';

/** The one-time link's form: a password checked in the browser with the API's rules, twice. */
export function SetPasswordForm({ token }: { token: string }) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = String(data.get('password') ?? '');
    setMessage(undefined);
    if (password !== String(data.get('repeat') ?? '')) {
      setErrors({ repeat: ['The two passwords differ'] });
      return;
    }
    setBusy(true);
    try {
      const { email } = await api.setPassword({ token, password });
      setDone(email);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.details)
        setErrors(error.details as Record<string, string[]>);
      else {
        setErrors({});
        setMessage(error instanceof Error ? error.message : 'Please try again.');
      }
    } finally {
      setBusy(false);
    }
  }

  if (done)
    return (
      <p role="status">
        Your password is saved. <Link href="/sign-in">Sign in</Link> with {done}.
      </p>
    );
  const describedBy = (name: string) => (errors[name] ? `${name}-error` : `${name}-hint`);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="set-password-heading">
      {message ? (
        <p className="notice error" role="alert">
          {message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="password">New password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy('password')}
          autoFocus
        />
        <p id="password-hint" className="small muted">
          At least {MIN_PASSWORD_LENGTH} characters; a few words make a good one.
        </p>
        <p id="password-error" className="field-error">
          {errors.password?.join(' ')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="repeat">Repeat the password</label>
        <input
          id="repeat"
          name="repeat"
          type="password"
          autoComplete="new-password"
          aria-invalid={errors.repeat ? true : undefined}
          aria-describedby={describedBy('repeat')}
        />
        <p id="repeat-error" className="field-error">
          {errors.repeat?.join(' ')}
        </p>
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Saving…' : 'Save password'}
      </button>
    </form>
  );
}
