import { createRouteHandler, ok, readRawBody } from '@hibachi/core/http';
import { handleStripeWebhook } from '@hibachi/core/payments';

export const dynamic = 'force-dynamic';

/** Stripe (or the simulator) posts signed events here; the raw body is what the signature covers. */
export const POST = createRouteHandler(async (request, { requestId }) => {
  const rawBody = await readRawBody(request, 512 * 1024);
  const result = await handleStripeWebhook({
    rawBody,
    signature: request.headers.get('stripe-signature'),
    requestId,
  });
  return ok({ received: true, duplicate: result.duplicate });
});
