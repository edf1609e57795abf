import { createRouteHandler, ok, readJsonBody } from '@hibachi/core/http';
import { quotePrice } from '@hibachi/core/pricing';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

export const POST = createRouteHandler(async (request) => {
  await consumeRateLimit('search', `ip:${clientIp(request)}`);
  return ok(await quotePrice({ input: await readJsonBody(request) }));
});
