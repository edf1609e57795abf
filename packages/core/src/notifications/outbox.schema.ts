import { z } from 'zod';

const blankIsMissing = (value: unknown) => (value === '' ? undefined : value);

/** `GET /api/admin/outbox` query. */
export const ZListOutboxQuery = z.object({
  status: z.preprocess(
    blankIsMissing,
    z.enum(['PENDING', 'SENT', 'FAILED', 'SKIPPED'], { error: 'Unknown status' }).optional(),
  ),
  station: z.preprocess(blankIsMissing, z.string().max(64).optional()),
  cursor: z.preprocess(blankIsMissing, z.string().max(200).optional()),
  limit: z.preprocess(blankIsMissing, z.coerce.number().int().min(1).max(100).default(25)),
});
