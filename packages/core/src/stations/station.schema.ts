import { z } from 'zod';

const ZLocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** A station as customers see it (GET /api/stations). */
export const ZStationSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  timezone: z.string(),
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
