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

export type ChefRow = {
  id: string;
  name: string;
  color: string;
  active: boolean;
  /** Active bookings of this chef from now on. */
  futureBookings: number;
};

/** A future booking named in a refusal or a reassignment. */
export type ChefBooking = { id: string; reference: string; date: string; time: string };
