import { rescheduleCustomerBooking } from '@hibachi/core/bookings';
import { createRouteHandler, ok, readJsonBody } from '@hibachi/core/http';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

/** The customer moves their own booking within the station's policy (proof: e-mail or token). */
export const POST = createRouteHandler<{ reference: string }>(
  async (request, { params, requestId }) => {
    await consumeRateLimit('bookingLookup', `ip:${clientIp(request)}`);
    const input = await readJsonBody(request);
    return ok(await rescheduleCustomerBooking({ reference: params.reference, input, requestId }), {
      headers: { 'Cache-Control': 'no-store' },
    });
  },
);
