import { z } from 'zod';

/** Browser-safe: the shapes forms and the API share (the kinds and tags: menu-labels). */

import { DIETARY_TAGS, MENU_ITEM_KINDS } from './menu-labels';

export * from './menu-labels';

/** The most of one item a booking may hold (a 50-guest party with several portions each). */
export const MAX_ITEM_QUANTITY = 200;
export const MAX_MENU_LINES = 40;

/** One line of a party's choice: how many of a menu item (the chef needs counts, not names). */
export const ZMenuChoice = z.strictObject({
  itemId: z.uuid('Choose an item from the menu'),
  quantity: z
    .number({ error: 'Enter a number' })
    .int('Use a whole number')
    .min(1, 'At least 1')
    .max(MAX_ITEM_QUANTITY, `At most ${MAX_ITEM_QUANTITY}`),
});

/** The party's choices; empty, or proteins left out, means "to decide later". */
export const ZMenuSelection = z
  .array(ZMenuChoice)
  .max(MAX_MENU_LINES, `At most ${MAX_MENU_LINES} different items`)
  .refine((choices) => new Set(choices.map((choice) => choice.itemId)).size === choices.length, {
    message: 'Each item once, with its count',
  });
export type TMenuSelection = z.infer<typeof ZMenuSelection>;

/** A menu item as customers and staff see it. */
export const ZMenuItem = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(MENU_ITEM_KINDS),
  priceCents: z.number().int().nonnegative(),
  dietaryTags: z.array(z.string()),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type TMenuItem = z.infer<typeof ZMenuItem>;

/** A booking's line as quoted: the count, and the name and unit price of the time. */
export const ZMenuLine = z.object({
  itemId: z.uuid(),
  kind: z.enum(MENU_ITEM_KINDS),
  name: z.string(),
  unitPriceCents: z.number().int().nonnegative(),
  quantity: z.number().int().positive(),
});
export type TMenuLine = z.infer<typeof ZMenuLine>;

const ZItemText = (max: number, label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .max(max, `At most ${max} characters`);

/** An item's fields as the admin form edits them, none defaulted (see ZUpdateMenuItem). */
const ITEM_FIELDS = {
  name: ZItemText(80, 'name').min(1, 'Enter the name'),
  description: ZItemText(300, 'description'),
  kind: z.enum(MENU_ITEM_KINDS, { error: 'Choose a kind' }),
  priceCents: z
    .number({ error: 'Enter a price' })
    .int('Use whole cents')
    .min(0, 'Cannot be negative')
    .max(1_000_000, 'At most 10,000 in the currency'),
  dietaryTags: z.array(z.enum(DIETARY_TAGS, { error: 'Choose from the list' })).max(9),
  sortOrder: z.number().int().min(0).max(999),
};

/** The admin form's fields for a new item: a protein or children's plate may leave the price out. */
export const ZMenuItemFields = z.strictObject({
  ...ITEM_FIELDS,
  description: ITEM_FIELDS.description.default(''),
  priceCents: ITEM_FIELDS.priceCents.default(0),
  dietaryTags: ITEM_FIELDS.dietaryTags.default([]),
  sortOrder: ITEM_FIELDS.sortOrder.default(0),
});

/** `POST /api/admin/stations/SLUG/menu/items`: a new item at the station version read. */
export const ZCreateMenuItem = ZMenuItemFields.extend({ version: z.number().int().positive() });
export type TCreateMenuItem = z.input<typeof ZCreateMenuItem>;

/**
 * `PATCH /api/admin/menu-items/ID`: only the fields sent change (no defaults: zod 4 would
 * apply them to fields left out), `active` to (de)activate, at the version read.
 */
export const ZUpdateMenuItem = z
  .strictObject(ITEM_FIELDS)
  .partial()
  .extend({ active: z.boolean().optional(), version: z.number().int().positive() })
  .strict();
export type TUpdateMenuItem = z.input<typeof ZUpdateMenuItem>;

/** `DELETE /api/admin/menu-items/ID?version=N`: the station version read. */
export const ZDeleteMenuItemQuery = z.object({
  version: z.coerce.number({ error: 'Send the version you read' }).int().positive(),
});

/** The menu of a station as its admin page and the customer wizard read it. */
export const ZStationMenu = z.object({
  station: z.object({
    slug: z.string(),
    name: z.string(),
    currency: z.string(),
    locale: z.string(),
  }),
  /** Bumped by every menu or settings change: writes carry the version they read. */
  version: z.number().int(),
  proteinsPerAdult: z.number().int().nonnegative(),
  menuLockHours: z.number().int().nonnegative(),
  items: z.array(ZMenuItem),
});
export type TStationMenu = z.infer<typeof ZStationMenu>;
