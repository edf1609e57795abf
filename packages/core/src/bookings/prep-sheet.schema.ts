import { z } from 'zod';
import { ZLocalDate } from '../availability/availability.schema';
import { MENU_ITEM_KINDS } from '../menu/menu.schema';
import { BOOKING_STATUSES } from './staff-bookings.schema';

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** `GET /api/admin/prep-sheet?date&station?&chef?`: one local day of one station. */
export const ZPrepSheetQuery = z.strictObject({
  date: ZLocalDate,
  station: optional(z.string().max(64)),
  chef: optional(z.uuid('Choose a chef from the list')),
});
export type TPrepSheetQuery = z.output<typeof ZPrepSheetQuery>;

const count = z.number().int().nonnegative();

const ZPrepLine = z.object({
  itemId: z.uuid(),
  name: z.string(),
  kind: z.enum(MENU_ITEM_KINDS),
  quantity: count,
  dietaryTags: z.array(z.string()),
});

export const ZPrepEvent = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(BOOKING_STATUSES),
  time: z.string(),
  endTime: z.string(),
  durationMinutes: count,
  chef: z.object({ id: z.uuid(), name: z.string() }),
  customer: z.object({ name: z.string(), phone: z.string() }),
  address: z.object({
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    postalCode: z.string(),
  }),
  adults: count,
  children: count,
  lines: z.array(ZPrepLine),
  /** Every protein chosen (none left "to decide later"). */
  proteinsDecided: z.boolean(),
  /** Past the station's menu lock: the counts are final (only staff change them now). */
  final: z.boolean(),
  lockAt: z.string(),
  /** The dietary tags of what the party chose, with the items that carry each. */
  dietary: z.array(z.object({ tag: z.string(), items: z.array(z.string()) })),
  specialRequests: z.string().nullable(),
  notes: z.string().nullable(),
  totalCents: z.number().int(),
  paidCents: z.number().int(),
  /** What the chef collects on the day. */
  balanceCents: z.number().int(),
});
export type TPrepEvent = z.infer<typeof ZPrepEvent>;

/** The chef's prep sheet: the day's events and the shopping list (the items' totals). */
export const ZPrepSheet = z.object({
  station: z.object({
    slug: z.string(),
    name: z.string(),
    timezone: z.string(),
    currency: z.string(),
    locale: z.string(),
  }),
  date: ZLocalDate,
  chef: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  chefs: z.array(z.object({ id: z.uuid(), name: z.string() })),
  events: z.array(ZPrepEvent),
  totals: z.object({
    events: count,
    adults: count,
    children: count,
    /** Events whose proteins are still to be decided: the list is not complete for them. */
    undecidedEvents: count,
    balanceCents: z.number().int(),
    items: z.array(z.object({ name: z.string(), kind: z.enum(MENU_ITEM_KINDS), quantity: count })),
  }),
});
export type TPrepSheet = z.infer<typeof ZPrepSheet>;
