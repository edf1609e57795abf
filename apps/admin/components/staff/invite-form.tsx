'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { StaffRole } from '@hibachi/core/auth/permissions';
import type { StaffWithLink, TCreateStaff } from '@hibachi/core/staff/staff.schema';
import { api } from '@/lib/api';
import { fieldAttributes, fieldMessages, onFormSubmit } from '@/lib/form-helpers';
import { FieldError } from '../form-messages';
import { RoleFields, type Station } from './role-fields';

/** Adds an account: e-mail, name, role and station; the answer carries its one-time link. */
export function InviteForm({
  stations,
  onInvited,
}: {
  stations: Station[];
  onInvited: (result: StaffWithLink) => Promise<void>;
}) {
  const [newRole, setNewRole] = useState<StaffRole>('STAFF');
  const invite = useMutation({
    mutationFn: (body: TCreateStaff) => api.createStaff({ body }),
    onSuccess: onInvited,
  });
  const inviteErrors = fieldMessages(invite.error);
  const field = fieldAttributes(inviteErrors, 'invite');
  return (
    <form
      className="card invite-form"
      aria-labelledby="invite-heading"
      noValidate
      onSubmit={onFormSubmit(
        ['email', 'name', 'station', 'chef'],
        ({ station, chef, ...values }, form) =>
          invite.mutate(
            {
              ...values,
              role: newRole,
              ...(newRole === 'SUPER_ADMIN' || !station ? {} : { station }),
              ...(newRole === 'CHEF' && chef ? { chef } : {}),
            },
            { onSuccess: () => form.reset() },
          ),
      )}
    >
      <h2 id="invite-heading">Add an account</h2>
      <div className="inline-form">
        <label>
          E-mail <input type="email" autoComplete="off" {...field('email')} />
        </label>
        <label>
          Name <input autoComplete="off" {...field('name')} />
        </label>
        <RoleFields
          stations={stations}
          role={newRole}
          onRole={setNewRole}
          errors={inviteErrors}
          prefix="invite"
        />
        <button type="submit" className="button" disabled={invite.isPending}>
          {invite.isPending ? 'Adding…' : 'Add account'}
        </button>
      </div>
      <FieldError as="p" errors={inviteErrors} name="email" prefix="invite" />
      <FieldError as="p" errors={inviteErrors} name="name" prefix="invite" />
      {invite.error && Object.keys(inviteErrors).length === 0 ? (
        <p className="field-error">{invite.error.message}</p>
      ) : null}
    </form>
  );
}
