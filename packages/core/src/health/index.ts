import { checkDatabase } from '../db/check-database';
import { createRouteHandler, ok } from '../http';

const startedAt = Date.now();

/** GET /api/health/live: the process is up (no dependencies checked). */
export const liveHealthHandler = createRouteHandler(async () =>
  ok(
    { status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) },
    { headers: { 'Cache-Control': 'no-store' } },
  ),
);

/** GET /api/health/ready: the database answers; 503 with the envelope otherwise. */
export const readyHealthHandler = createRouteHandler(async () => {
  const database = await checkDatabase();
  return ok({ status: 'ok', ...database }, { headers: { 'Cache-Control': 'no-store' } });
});
