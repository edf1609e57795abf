import { getAvailabilityDays } from '@hibachi/core/availability';
import { createRouteHandler, ok } from '@hibachi/core/http';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

export const GET = createRouteHandler(async (request) => {
  await consumeRateLimit('search', `ip:${clientIp(request)}`);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return ok(await getAvailabilityDays({ query }), { headers: { 'Cache-Control': 'no-store' } });
});
