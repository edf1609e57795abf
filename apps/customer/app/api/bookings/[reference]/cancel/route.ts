import { cancelCustomerBooking } from '@hibachi/core/bookings';
import { createRouteHandler, ok, readJsonBody } from '@hibachi/core/http';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

export const POST = createRouteHandler<{ reference: string }>(
  async (request, { params, requestId }) => {
    await consumeRateLimit('bookingLookup', `ip:${clientIp(request)}`);
    const input = await readJsonBody(request);
    return ok(await cancelCustomerBooking({ reference: params.reference, input, requestId }));
  },
);
