'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '@hibachi/core/staff/password-policy';
import { ApiError } from '@hibachi/web/fetch-json';
import { api } from '@/lib/api';
import { formValues } from '@/lib/form-helpers';

/**
 * The one-time link's form: the password twice (compared in the browser); the API's policy
 * errors are shown next to the field.
 */
export function SetPasswordForm({ token }: { token: string }) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { password, repeat } = formValues(event.currentTarget, ['password', 'repeat']);
    setMessage(undefined);
    if (password !== repeat) {
      setErrors({ repeat: ['The two passwords differ'] });
      return;
    }
    setBusy(true);
    try {
      const { email } = await api.setPassword({ body: { token, password } });
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
  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="set-password-heading"
    >
      {message ? (
        <p className="notice error" role="alert">
          {message}
        </p>
      ) : null}
      <PasswordField
        name="password"
        label="New password"
        errors={errors.password}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters; a few words make a good one.`}
        autoFocus
      />
      <PasswordField name="repeat" label="Repeat the password" errors={errors.repeat} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Saving…' : 'Save password'}
      </button>
    </form>
  );
}

/** A new-password input with its hint (if any) and its errors, described for screen readers. */
function PasswordField(props: {
  name: string;
  label: string;
  errors: string[] | undefined;
  hint?: string;
  autoFocus?: boolean;
}) {
  const { name, errors, hint } = props;
  return (
    <div className="field">
      <label htmlFor={name}>{props.label}</label>
      <input
        id={name}
        name={name}
        type="password"
        autoComplete="new-password"
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${name}-error` : hint ? `${name}-hint` : undefined}
        autoFocus={props.autoFocus}
      />
      {hint ? (
        <p id={`${name}-hint`} className="small muted">
          {hint}
        </p>
      ) : null}
      <p id={`${name}-error`} className="field-error">
        {errors?.join(' ')}
      </p>
    </div>
  );
}
