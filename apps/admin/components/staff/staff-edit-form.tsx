'use client';

import type { StaffRole } from '@hibachi/core/auth/permissions';
import type { StaffAccountRow, TUpdateStaff } from '@hibachi/core/staff/staff.schema';
import { useApiForm } from '@hibachi/web/use-api-form';
import { SaveOrCancel } from '../save-or-cancel';
import { RoleFields, type Station } from './role-fields';
import { toUpdateStaffInput, type StaffValues } from './staff-values';

/** An account's new role, station or chef, in place of its row. */
export function StaffEditForm({
  account,
  stations,
  role,
  onRole,
  pending,
  error,
  onSave,
  onCancel,
}: {
  account: StaffAccountRow;
  stations: Station[];
  role: StaffRole;
  onRole: (role: StaffRole) => void;
  pending: boolean;
  error: Error | null;
  onSave: (body: TUpdateStaff) => void;
  onCancel: () => void;
}) {
  const { fields, formProps } = useApiForm<StaffValues, TUpdateStaff>({
    id: `staff-${account.id}`,
    defaultValue: {
      role: account.role,
      station: account.station?.slug ?? '',
      chef: account.chef?.id ?? '',
    },
    toInput: toUpdateStaffInput,
    onValid: onSave,
    error,
  });
  return (
    <form {...formProps} className="inline-form" aria-label={`Change ${account.name}`}>
      <strong>{account.name}</strong>
      <RoleFields
        fields={fields}
        stations={stations}
        role={role}
        onRole={onRole}
        station={account.station?.slug}
        chef={account.chef?.id}
      />
      <SaveOrCancel pending={pending} onCancel={onCancel} />
      {error && !fields.station.errors ? (
        <span className="field-error">{error.message}</span>
      ) : null}
    </form>
  );
}
