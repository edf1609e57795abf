import { createRouteHandler, ok } from '@hibachi/core/http';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';
import { getPublicMenu } from '@hibachi/core/stations';

export const dynamic = 'force-dynamic';

/** The station's active menu, proteins per adult, menu lock and travel terms (from the station cache). */
export const GET = createRouteHandler<{ slug: string }>(async (request, { params }) => {
  await consumeRateLimit('search', `ip:${clientIp(request)}`);
  return ok(await getPublicMenu(params.slug), { headers: { 'Cache-Control': 'no-cache' } });
});
