'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLE_LABELS, type StaffRole } from '@hibachi/core/auth/permissions';
import { SelectField } from '@hibachi/web/field';
import type { ApiFormFields } from '@hibachi/web/use-api-form';
import { api } from '@/lib/api';
import type { StaffValues } from './staff-values';

export type Station = { slug: string; name: string };
const ROLES: StaffRole[] = ['STAFF', 'MANAGER', 'SUPER_ADMIN', 'CHEF'];
const isRole = (value: string): value is StaffRole => ROLES.some((role) => role === value);

type Fields = ApiFormFields<StaffValues>;

/** Role and station pickers; the station only where the role has one, the chef for a CHEF account. */
export function RoleFields({
  fields,
  stations,
  role,
  onRole,
  station,
  chef,
}: {
  fields: Fields;
  stations: Station[];
  role: StaffRole;
  onRole: (role: StaffRole) => void;
  station?: string;
  /** The chef a CHEF account is now. */
  chef?: string;
}) {
  const [chosen, setChosen] = useState(station ?? '');
  return (
    <>
      <SelectField
        field={fields.role}
        label="Role"
        value={role}
        onChange={(event) => isRole(event.target.value) && onRole(event.target.value)}
      >
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {ROLE_LABELS[option]}
          </option>
        ))}
      </SelectField>
      {role === 'SUPER_ADMIN' ? null : (
        <SelectField
          field={fields.station}
          label="Station"
          value={chosen}
          onChange={(event) => setChosen(event.target.value)}
        >
          <option value="">Choose…</option>
          {stations.map((option) => (
            <option key={option.slug} value={option.slug}>
              {option.name}
            </option>
          ))}
        </SelectField>
      )}
      {role === 'CHEF' && chosen ? (
        <ChefPicker fields={fields} station={chosen} chef={chef} />
      ) : null}
    </>
  );
}

/** The station's chefs, for linking a CHEF account to the one it is. */
function ChefPicker({ fields, station, chef }: { fields: Fields; station: string; chef?: string }) {
  const chefs = useQuery({
    queryKey: ['station-chefs', station],
    queryFn: () => api.chefs({ path: { slug: station } }),
  });
  return (
    <SelectField field={fields.chef} label="Chef" defaultValue={chef ?? ''}>
      <option value="">Choose…</option>
      {(chefs.data ?? [])
        .filter((option) => option.active)
        .map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
    </SelectField>
  );
}
