import { z } from 'zod';
import { ZAddressView } from './customer-booking.schema';

/** One of a chef's own events, phone-first. Browser-safe. */
export const ZMyEvent = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(['PENDING_PAYMENT', 'CONFIRMED', 'COMPLETED']),
  version: z.number().int(),
  date: z.iso.date(),
  time: z.iso.time({ precision: -1 }),
  endTime: z.iso.time({ precision: -1 }),
  address: ZAddressView,
  /** A maps search for the address (opens the phone's maps app). */
  mapsUrl: z.url(),
  adults: z.number().int(),
  children: z.number().int(),
  menu: z.array(z.object({ name: z.string(), quantity: z.number().int() })),
  specialRequests: z.string().nullable(),
  /** What the chef collects on the day, in the station's currency. */
  balanceCents: z.number().int().nonnegative(),
  customer: z.object({ name: z.string(), phone: z.string() }),
  /** Whether the chef may mark it completed here (the station allows it; it has started). */
  canComplete: z.boolean(),
  /** When the chef said they started it, and whether they may say so now (from two hours before). */
  startedAt: z.iso.datetime().nullable(),
  canStart: z.boolean(),
});
export type TMyEvent = z.output<typeof ZMyEvent>;

/** `GET /api/admin/my-events`: a chef account's own events from today on. */
export const ZMyEvents = z
  .object({
    chef: z.object({ name: z.string() }),
    station: z.object({
      name: z.string(),
      timezone: z.string(),
      currency: z.string(),
      locale: z.string(),
    }),
    today: z.iso.date(),
    events: z.array(ZMyEvent),
  })
  .describe('The chef’s events');
export type TMyEvents = z.output<typeof ZMyEvents>;

/** `POST /api/admin/my-events/ID/start`: when the chef said they started. */
export const ZStartedEvent = z.object({
  id: z.uuid(),
  startedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type TStartedEvent = z.output<typeof ZStartedEvent>;

/** `POST /api/admin/my-events/ID/complete`: the event, completed by its chef. */
export const ZCompletedEvent = z.object({
  id: z.uuid(),
  status: z.literal('COMPLETED'),
  version: z.number().int(),
});
export type TCompletedEvent = z.output<typeof ZCompletedEvent>;
