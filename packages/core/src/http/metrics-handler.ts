import { getServerEnv } from '../env';
import { AppError } from '../errors/app-error';
import { canReadMetrics, getMetrics } from '../metrics';
import { createRouteHandler } from './route-handler';

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
