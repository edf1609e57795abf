import { checkDatabase } from '../db/check-database';
import { AppError } from '../errors/app-error';
import { createRouteHandler, ok } from '../http';
import { isDraining } from './draining';
import type { TLiveHealth, TReadyHealth } from './health.schema';

const startedAt = Date.now();

/** GET /api/health/live: the process is up (no dependencies checked). */
export const liveHealthHandler = createRouteHandler(async () =>
  ok<TLiveHealth>(
    { status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) },
    { headers: { 'Cache-Control': 'no-store' } },
  ),
);

export { isDraining } from './draining';

/**
 * GET /api/health/ready: the database answers and the instance is not shutting down; 503
 * with the envelope otherwise (a draining instance says so at once, while it still serves).
 */
export const readyHealthHandler = createRouteHandler(async () => {
  if (isDraining())
    throw new AppError('UNAVAILABLE', 'This instance is shutting down.', {
      headers: { 'Retry-After': '1' },
    });
  const database = await checkDatabase();
  return ok<TReadyHealth>(
    { status: 'ok', ...database },
    { headers: { 'Cache-Control': 'no-store' } },
  );
});
