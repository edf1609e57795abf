import { timingSafeEqual } from 'node:crypto';
import { getServerEnv } from '../env';
import { AppError } from '../errors/app-error';
import { createRouteHandler } from '../http/route-handler';
import { getMetrics } from './registry';

export { recordRequest, routeLabel } from './registry';

/** GET /api/metrics: Prometheus text; behind a bearer token when METRICS_TOKEN is set. */
export const metricsHandler = createRouteHandler(async (request) => {
  const token = getServerEnv().METRICS_TOKEN;
  if (token) {
    const sent = Buffer.from(request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '');
    const expected = Buffer.from(token);
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
      throw new AppError('UNAUTHENTICATED', 'Metrics need the bearer token.');
    }
  }
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), {
    headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' },
  });
});
