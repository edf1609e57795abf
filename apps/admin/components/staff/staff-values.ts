import type { StaffRole } from '@hibachi/core/auth/permissions';
import type { TCreateStaff, TSetPassword, TUpdateStaff } from '@hibachi/core/staff/staff.schema';

/**
 * An account's form as text: the station only where the role has one, the chef only for a
 * CHEF account (the pickers are not on the form otherwise).
 */
export type StaffValues = {
  email?: string;
  name?: string;
  role: string;
  station?: string;
  chef?: string;
};

// The select offers the roles only; the API's schema refuses anything else.
const roleOf = (values: StaffValues) => values.role as StaffRole;

/** The station and chef the role takes, and nothing it does not. */
function placement(values: StaffValues, role: StaffRole) {
  return {
    ...(role === 'SUPER_ADMIN' || !values.station ? {} : { station: values.station }),
    ...(role === 'CHEF' && values.chef ? { chef: values.chef } : {}),
  };
}

/** `POST /api/admin/staff`: a new account. */
export function toCreateStaffInput(values: StaffValues): TCreateStaff {
  const role = roleOf(values);
  return { email: values.email ?? '', name: values.name ?? '', role, ...placement(values, role) };
}

/** `PATCH /api/admin/staff/ID`: a new role, station or chef (a station left empty is refused). */
export function toUpdateStaffInput(values: StaffValues): TUpdateStaff {
  const role = roleOf(values);
  return {
    role,
    ...(role === 'SUPER_ADMIN' ? {} : { station: values.station ?? '' }),
    ...placement(values, role),
  };
}

/** The one-time link's form: the password twice; only the first is sent. */
export type SetPasswordValues = { password: string; repeat: string };

export function toSetPasswordInput(
  values: SetPasswordValues,
  token: string,
): TSetPassword & { repeat: string } {
  return { token, password: values.password, repeat: values.repeat };
}
