'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { StaffRole } from '@hibachi/core/auth/permissions';
import type { StaffWithLink, TCreateStaff } from '@hibachi/core/staff/staff.schema';
import { Field } from '@hibachi/web/field';
import { hasFieldErrors } from '@hibachi/web/field-errors';
import { useApiForm } from '@hibachi/web/use-api-form';
import { api } from '@/lib/api';
import { RoleFields, type Station } from './role-fields';
import { toCreateStaffInput, type StaffValues } from './staff-values';

/** Adds an account: e-mail, name, role and station; the answer carries its one-time link. */
export function InviteForm({
  stations,
  onInvited,
}: {
  stations: Station[];
  onInvited: (result: StaffWithLink) => Promise<void>;
}) {
  const [role, setRole] = useState<StaffRole>('STAFF');
  const invite = useMutation({
    mutationFn: (body: TCreateStaff) => api.createStaff({ body }),
    onSuccess: onInvited,
  });
  const { form, fields, formProps } = useApiForm<StaffValues, TCreateStaff>({
    id: 'invite',
    defaultValue: { email: '', name: '', role: 'STAFF' },
    toInput: toCreateStaffInput,
    onValid: (body) => invite.mutate(body, { onSuccess: () => form.reset() }),
    error: invite.error,
  });
  return (
    <form {...formProps} className="card invite-form" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Add an account</h2>
      <div className="inline-form">
        <Field field={fields.email} label="E-mail" type="email" autoComplete="off" />
        <Field field={fields.name} label="Name" autoComplete="off" />
        <RoleFields fields={fields} stations={stations} role={role} onRole={setRole} />
        <button type="submit" className="button" disabled={invite.isPending}>
          {invite.isPending ? 'Adding…' : 'Add account'}
        </button>
      </div>
      {invite.error && !hasFieldErrors(invite.error) ? (
        <p className="field-error">{invite.error.message}</p>
      ) : null}
    </form>
  );
}
