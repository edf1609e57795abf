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

/** An account as the super admin's Staff page lists it. */
export const ZStaffAccountRow = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: ZRole,
    station: z.object({ slug: z.string(), name: z.string() }).nullable(),
    /** The chef a CHEF account is. */
    chef: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    active: z.boolean(),
    /** Locked after too many wrong passwords, until this instant. */
    lockedUntil: z.iso.datetime().nullable(),
    /** Whether a password has been set yet (else a set-password link is waiting). */
    passwordSet: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
  })
  .describe('The account');
export type StaffAccountRow = z.output<typeof ZStaffAccountRow>;

/** `GET /api/admin/staff`: every account, super admins first, then by station and name. */
export const ZStaffAccounts = z.array(ZStaffAccountRow).describe('Every account');

/** What creating an account or resetting a password answers: the one-time link, once. */
export const ZStaffWithLink = z
  .object({
    account: ZStaffAccountRow,
    setPasswordUrl: z.url(),
    expiresAt: z.iso.datetime(),
  })
  .describe('The account and its one-time link');
export type StaffWithLink = z.output<typeof ZStaffWithLink>;
