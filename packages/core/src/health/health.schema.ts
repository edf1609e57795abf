import { z } from 'zod';

/** `GET /api/health/live`: the process answers (nothing else is checked). Browser-safe. */
export const ZLiveHealth = z
  .object({
    status: z.literal('ok'),
    /** Seconds since this process started. */
    uptimeSeconds: z.number().int().nonnegative(),
  })
  .describe('The process is up');
export type TLiveHealth = z.output<typeof ZLiveHealth>;

/** `GET /api/health/ready`: the database answered `SELECT 1` in time (else 503). */
export const ZReadyHealth = z
  .object({
    status: z.literal('ok'),
    database: z.literal('up'),
    /** How long the database took to answer, in milliseconds. */
    latencyMs: z.number().int().nonnegative(),
  })
  .describe('The database answers');
export type TReadyHealth = z.output<typeof ZReadyHealth>;
