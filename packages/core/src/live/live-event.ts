import { z } from 'zod';

/**
 * What one instance tells the others (ids only: each instance reads what it needs once,
 * however many of its streams want it, and no message text travels through the bus).
 * `message`: conversation `c` of station `s` has message number `q`; `conversation`: its
 * state changed (read, assigned, closed, linked); `bookings`: station `s`'s bookings changed.
 */
export const ZLiveEvent = z.discriminatedUnion('k', [
  z.object({ k: z.literal('message'), s: z.uuid(), c: z.uuid(), q: z.number().int() }),
  z.object({ k: z.literal('conversation'), s: z.uuid(), c: z.uuid() }),
  z.object({ k: z.literal('bookings'), s: z.uuid() }),
]);
export type LiveEvent = z.infer<typeof ZLiveEvent>;

export const LIVE_CHANNEL = 'live_event';

export function parseLiveEvent(payload: string): LiveEvent | undefined {
  try {
    const parsed = ZLiveEvent.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** `GET /api/admin/live`: only the station (a stream must not start on a query it ignores). */
export const ZLiveQuery = z.strictObject({ station: z.string().min(1).max(64).optional() });
