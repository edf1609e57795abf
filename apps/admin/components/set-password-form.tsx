'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { MIN_PASSWORD_LENGTH } from '@hibachi/core/staff/password-policy';
import { Field } from '@hibachi/web/field';
import { hasFieldErrors } from '@hibachi/web/field-errors';
import { useApiForm } from '@hibachi/web/use-api-form';
import { api } from '@/lib/api';
import { toSetPasswordInput, type SetPasswordValues } from './staff/staff-values';

/**
 * The one-time link's form: the password twice (compared in the browser); the API's policy
 * errors are shown next to the field.
 */
export function SetPasswordForm({ token }: { token: string }) {
  const save = useMutation({
    mutationFn: (body: { token: string; password: string }) => api.setPassword({ body }),
  });
  const { fields, formProps, report } = useApiForm<
    SetPasswordValues,
    ReturnType<typeof toSetPasswordInput>
  >({
    id: 'set-password',
    defaultValue: { password: '', repeat: '' },
    toInput: (values) => toSetPasswordInput(values, token),
    onValid: ({ repeat, ...body }) => {
      if (body.password !== repeat) report({ repeat: ['The two passwords differ'] });
      else save.mutate(body);
    },
    error: save.error,
  });

  if (save.data)
    return (
      <p role="status">
        Your password is saved. <Link href="/sign-in">Sign in</Link> with {save.data.email}.
      </p>
    );
  return (
    <form {...formProps} aria-labelledby="set-password-heading">
      {save.error && !hasFieldErrors(save.error) ? (
        <p className="notice error" role="alert">
          {save.error.message}
        </p>
      ) : null}
      <Field
        field={fields.password}
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters; a few words make a good one.`}
        autoFocus
      />
      <Field
        field={fields.repeat}
        label="Repeat the password"
        type="password"
        autoComplete="new-password"
      />
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save password'}
      </button>
    </form>
  );
}
