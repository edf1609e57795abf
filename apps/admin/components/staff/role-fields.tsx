'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLE_LABELS, type StaffRole } from '@hibachi/core/auth/permissions';
import { api } from '@/lib/api';
import { fieldAttributes } from '@/lib/form-helpers';
import { FieldError } from '../form-messages';

export type Station = { slug: string; name: string };
const ROLES: StaffRole[] = ['STAFF', 'MANAGER', 'SUPER_ADMIN', 'CHEF'];
const isRole = (value: string): value is StaffRole => ROLES.some((role) => role === value);

/** Role and station pickers; the station only where the role has one, the chef for a CHEF account. */
export function RoleFields({
  stations,
  role,
  onRole,
  station,
  chef,
  errors,
  prefix,
}: {
  stations: Station[];
  role: StaffRole;
  onRole: (role: StaffRole) => void;
  station?: string;
  /** The chef a CHEF account is now. */
  chef?: string;
  errors: Record<string, string>;
  prefix: string;
}) {
  const [chosen, setChosen] = useState(station ?? '');
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
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
            {...fieldAttributes(errors, prefix)('station')}
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
      <FieldError errors={errors} name="station" prefix={prefix} />
      {role === 'CHEF' && chosen ? (
        <ChefPicker station={chosen} chef={chef} errors={errors} prefix={prefix} />
      ) : null}
    </>
  );
}

/** The station's chefs, for linking a CHEF account to the one it is. */
function ChefPicker({
  station,
  chef,
  errors,
  prefix,
}: {
  station: string;
  chef?: string;
  errors: Record<string, string>;
  prefix: string;
}) {
  const chefs = useQuery({
    queryKey: ['station-chefs', station],
    queryFn: () => api.chefs({ path: { slug: station } }),
  });
  return (
    <>
      <label>
        Chef{' '}
        <select defaultValue={chef ?? ''} {...fieldAttributes(errors, prefix)('chef')}>
          <option value="">Choose…</option>
          {(chefs.data ?? [])
            .filter((option) => option.active)
            .map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
        </select>
      </label>
      <FieldError errors={errors} name="chef" prefix={prefix} />
    </>
  );
}
