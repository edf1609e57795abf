'use client';

import { ROLE_LABELS, type StaffRole } from '@hibachi/core/auth/permissions';

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
          <select
            name="station"
            defaultValue={station ?? ''}
            aria-invalid={errors.station ? true : undefined}
            aria-describedby={errors.station ? `${prefix}-station-error` : undefined}
          >
            <option value="">Choose…</option>
            {stations.map((option) => (
              <option key={option.slug} value={option.slug}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {errors.station ? (
        <span className="field-error" id={`${prefix}-station-error`}>
          {errors.station}
        </span>
      ) : null}
    </>
  );
}
