import { z } from 'zod';

/**
 * Chefs as managers edit them: one schema for the admin form and the API. Browser-safe.
 */
const ZChefName = z.string().trim().min(1, 'Enter a name').max(60, 'At most 60 characters');
const ZChefColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Choose a colour')
  .transform((color) => color.toLowerCase());

export const ZCreateChef = z.object({ name: ZChefName, color: ZChefColor }).strict();
export type TCreateChef = z.input<typeof ZCreateChef>;

export const ZUpdateChef = z
  .object({ name: ZChefName.optional(), color: ZChefColor.optional() })
  .strict()
  .refine((value) => value.name !== undefined || value.color !== undefined, {
    message: 'Change the name or the colour',
    path: ['name'],
  });
export type TUpdateChef = z.input<typeof ZUpdateChef>;

/** Deactivation: with `reassign`, each future booking moves to a free chef, all or none. */
export const ZDeactivateChef = z.object({ reassign: z.boolean().default(false) }).strict();
export type TDeactivateChef = z.input<typeof ZDeactivateChef>;

/** A chef as the roster lists it. */
export const ZChefRow = z.object({
  id: z.uuid(),
  name: z.string(),
  color: z.string(),
  active: z.boolean(),
  /** Active bookings of this chef from now on. */
  futureBookings: z.number().int().nonnegative(),
});
export type ChefRow = z.output<typeof ZChefRow>;

/** `GET /api/admin/stations/SLUG/chefs` and `GET /api/admin/chefs`: active first, by name. */
export const ZChefRoster = z.array(ZChefRow).describe('The chefs, active first');

/** A future booking named in a refusal or a reassignment. */
export const ZChefBooking = z.object({
  id: z.uuid(),
  reference: z.string(),
  date: z.iso.date(),
  time: z.iso.time({ precision: -1 }),
});
export type ChefBooking = z.output<typeof ZChefBooking>;

/** A booking moved to another chef, and who has it now. */
export const ZReassignedBooking = ZChefBooking.extend({ chef: z.string() });
export type TReassignedBooking = z.output<typeof ZReassignedBooking>;

/** `POST /api/admin/chefs/ID/deactivate`: the chef, off the roster, and the bookings moved. */
export const ZDeactivatedChef = z
  .object({ chef: ZChefRow, moved: z.array(ZReassignedBooking) })
  .describe('The chef and the bookings moved');
export type TDeactivatedChef = z.output<typeof ZDeactivatedChef>;
