import { createRouteHandler, ok, readJsonBody } from '@hibachi/core/http';
import { startBalanceCheckout } from '@hibachi/core/payments';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

/** The customer pays the balance, with a gratuity if they like (proof: e-mail or token). */
export const POST = createRouteHandler<{ reference: string }>(async (request, { params }) => {
  await consumeRateLimit('payment', `ip:${clientIp(request)}`);
  const input = await readJsonBody(request);
  return ok(await startBalanceCheckout({ reference: params.reference, input }), {
    headers: { 'Cache-Control': 'no-store' },
  });
});
