import { createRouteHandler, ok, readJsonBody } from '@hibachi/core/http';
import { simulateCheckout } from '@hibachi/core/payments';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

/** The local payment simulator's Pay / Decline (404 when Stripe is configured). */
export const POST = createRouteHandler(async (request, { requestId }) => {
  await consumeRateLimit('payment', `ip:${clientIp(request)}`);
  const result = await simulateCheckout({ input: await readJsonBody(request), requestId });
  return ok({ type: result.type, outcome: result.outcome });
});
