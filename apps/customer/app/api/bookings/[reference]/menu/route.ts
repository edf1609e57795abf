import { changeCustomerMenu } from '@hibachi/core/bookings';
import { createRouteHandler, ok, readJsonBody } from '@hibachi/core/http';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

/** The customer changes the party and menu until the lock (proof: e-mail or manage token). */
export const PATCH = createRouteHandler<{ reference: string }>(
  async (request, { params, requestId }) => {
    await consumeRateLimit('bookingLookup', `ip:${clientIp(request)}`);
    const input = await readJsonBody(request);
    return ok(await changeCustomerMenu({ reference: params.reference, input, requestId }), {
      headers: { 'Cache-Control': 'no-store' },
    });
  },
);
