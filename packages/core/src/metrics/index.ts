import { timingSafeEqual } from 'node:crypto';
import { getServerEnv } from '../env';
import { AppError } from '../errors/app-error';
import { createRouteHandler } from '../http/route-handler';
import { getMetrics } from './registry';

export { recordRequest, routeLabel } from './registry';

/** With a configured token, only `Authorization: Bearer <token>` may read metrics (constant-time compare). */
export function canReadMetrics(authorization: string | null, token: string | undefined): boolean {
  if (!token) return true;
  const sent = Buffer.from(authorization?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(token);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/** GET /api/metrics: Prometheus text; behind a bearer token when METRICS_TOKEN is set. */
export const metricsHandler = createRouteHandler(async (request) => {
  if (!canReadMetrics(request.headers.get('authorization'), getServerEnv().METRICS_TOKEN)) {
    throw new AppError('UNAUTHENTICATED', 'Metrics need the bearer token.');
  }
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), {
    headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' },
  });
});
