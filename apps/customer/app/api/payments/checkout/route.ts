import { createRouteHandler, ok, readJsonBody } from '@hibachi/core/http';
import { startDepositCheckout } from '@hibachi/core/payments';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

export const POST = createRouteHandler(async (request) => {
  await consumeRateLimit('payment', `ip:${clientIp(request)}`);
  return ok(await startDepositCheckout({ input: await readJsonBody(request) }));
});
