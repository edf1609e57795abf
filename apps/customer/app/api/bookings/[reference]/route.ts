import { getCustomerBooking } from '@hibachi/core/bookings';
import { createRouteHandler, ok } from '@hibachi/core/http';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

export const GET = createRouteHandler<{ reference: string }>(async (request, { params }) => {
  await consumeRateLimit('bookingLookup', `ip:${clientIp(request)}`);
  const proof = Object.fromEntries(new URL(request.url).searchParams);
  return ok(await getCustomerBooking({ reference: params.reference, proof }), {
    headers: { 'Cache-Control': 'no-store' },
  });
});
