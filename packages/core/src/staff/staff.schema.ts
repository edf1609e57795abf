import { z } from 'zod';
import type { StaffRole } from '../auth/permissions';
import { ZNewPassword } from './password-policy';

/**
 * Staff accounts as the super admin manages them, and the set-password form. Browser-safe.
 * A SUPER_ADMIN has no station; a MANAGER, STAFF or CHEF account has exactly one (by slug), and
 * a CHEF account is linked to one chef of it.
 */
const ZRole = z.enum(['SUPER_ADMIN', 'MANAGER', 'STAFF', 'CHEF'], { error: 'Choose a role' });
/** A CHEF account is one chef of its station (by id). */
const ZChefLink = z.uuid('Choose the chef this account is').optional();
const ZStationSlug = z.string().trim().max(64).optional();

const stationFitsRole = (value: { role?: StaffRole; station?: string }) =>
  value.role === undefined ||
  (value.role === 'SUPER_ADMIN' ? !value.station : Boolean(value.station));
const stationRule = {
  message: 'A manager, staff member or chef works at one station; a super admin at none',
  path: ['station'],
};
const chefFitsRole = (value: { role?: StaffRole; chef?: string }) =>
  value.role === undefined || (value.role === 'CHEF') === Boolean(value.chef);
const chefRule = {
  message: 'Link a chef account to its chef (and only a chef account)',
  path: ['chef'],
};

export const ZCreateStaff = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .pipe(z.email({ error: 'Enter an e-mail address' })),
    name: z.string().trim().min(1, 'Enter a name').max(80, 'At most 80 characters'),
    role: ZRole,
    station: ZStationSlug,
    chef: ZChefLink,
  })
  .strict()
  .refine(stationFitsRole, stationRule)
  .refine(chefFitsRole, chefRule);
export type TCreateStaff = z.input<typeof ZCreateStaff>;

/** A new role and/or station; the station is required again when the role needs one. */
export const ZUpdateStaff = z
  .object({
    name: z.string().trim().min(1, 'Enter a name').max(80, 'At most 80 characters').optional(),
    role: ZRole.optional(),
    station: ZStationSlug,
    chef: ZChefLink,
  })
  .strict()
  .refine(stationFitsRole, stationRule)
  .refine(chefFitsRole, chefRule);
export type TUpdateStaff = z.input<typeof ZUpdateStaff>;

export const ZSetPassword = z
  .object({ token: z.string().min(1).max(200), password: ZNewPassword })
  .strict();
export type TSetPassword = z.input<typeof ZSetPassword>;

export type StaffAccountRow = {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  station: { slug: string; name: string } | null;
  /** The chef a CHEF account is. */
  chef: { id: string; name: string } | null;
  active: boolean;
  /** Locked after too many wrong passwords, until this instant. */
  lockedUntil: string | null;
  /** Whether a password has been set yet (else a set-password link is waiting). */
  passwordSet: boolean;
  lastLoginAt: string | null;
};

/** What creating an account or resetting a password answers: the one-time link, once. */
export type StaffWithLink = { account: StaffAccountRow; setPasswordUrl: string; expiresAt: string };
