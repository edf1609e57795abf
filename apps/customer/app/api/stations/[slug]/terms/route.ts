import { createRouteHandler, ok } from '@hibachi/core/http';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';
import { getPublicTerms } from '@hibachi/core/terms';

export const dynamic = 'force-dynamic';

/** The station's current terms, as a customer reads them before booking. */
export const GET = createRouteHandler<{ slug: string }>(async (request, { params }) => {
  await consumeRateLimit('search', `ip:${clientIp(request)}`);
  return ok(await getPublicTerms({ slug: params.slug }));
});
