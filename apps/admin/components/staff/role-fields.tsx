'use client';

import { ROLE_LABELS, type StaffRole } from '@hibachi/core/auth/permissions';
import { fieldAttributes } from '@/lib/form-helpers';
import { FieldError } from '../form-messages';

export type Station = { slug: string; name: string };
const ROLES: StaffRole[] = ['STAFF', 'MANAGER', 'SUPER_ADMIN'];
const isRole = (value: string): value is StaffRole => ROLES.some((role) => role === value);

/** Role and station pickers; the station only where the role has one. */
export function RoleFields({
  stations,
  role,
  onRole,
  station,
  errors,
  prefix,
}: {
  stations: Station[];
  role: StaffRole;
  onRole: (role: StaffRole) => void;
  station?: string;
  errors: Record<string, string>;
  prefix: string;
}) {
  return (
    <>
      <label>
        Role{' '}
        <select
          name="role"
          value={role}
          onChange={(event) => isRole(event.target.value) && onRole(event.target.value)}
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </select>
      </label>
      {role === 'SUPER_ADMIN' ? null : (
        <label>
          Station{' '}
          <select defaultValue={station ?? ''} {...fieldAttributes(errors, prefix)('station')}>
            <option value="">Choose…</option>
            {stations.map((option) => (
              <option key={option.slug} value={option.slug}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <FieldError errors={errors} name="station" prefix={prefix} />
    </>
  );
}
