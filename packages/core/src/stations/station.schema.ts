import { z } from 'zod';
import { ZMenuItem } from '../menu/menu.schema';

const ZLocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** A station as customers see it (GET /api/stations). */
export const ZStationSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  timezone: z.string(),
  /** ISO 4217 and BCP 47: how the station's amounts (in minor units) are written. */
  currency: z.string(),
  locale: z.string(),
  pricing: z.object({
    adultCents: z.number().int().nonnegative(),
    childCents: z.number().int().nonnegative(),
    minimumCents: z.number().int().nonnegative(),
    depositCents: z.number().int().nonnegative(),
  }),
  serviceHours: z.object({
    firstStart: ZLocalTime,
    lastStart: ZLocalTime,
    slotIntervalMinutes: z.number().int().positive(),
  }),
  minimumNoticeHours: z.number().int().nonnegative(),
  cancellationNoticeHours: z.number().int().nonnegative(),
});

export type TStationSummary = z.infer<typeof ZStationSummary>;

/** Travel as customers read it on a station's page: free radius and fee, or its zones. */
export const ZTravelSummary = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('NONE') }),
  z.object({
    mode: z.literal('DISTANCE'),
    freeMiles: z.number().int(),
    feePerMileCents: z.number().int(),
    maxMiles: z.number().int().nullable(),
  }),
  z.object({
    mode: z.literal('ZONES'),
    zones: z.array(z.object({ prefix: z.string(), label: z.string(), feeCents: z.number().int() })),
  }),
]);

/** `GET /api/stations/SLUG/menu`: the station's active menu, proteins per adult, lock and travel. */
export const ZPublicMenu = z.object({
  station: z.object({
    slug: z.string(),
    name: z.string(),
    currency: z.string(),
    locale: z.string(),
  }),
  proteinsPerAdult: z.number().int(),
  menuLockHours: z.number().int(),
  items: z.array(ZMenuItem),
  travel: ZTravelSummary,
});
export type TPublicMenu = z.infer<typeof ZPublicMenu>;
