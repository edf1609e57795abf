import { getBookingInvite } from '@hibachi/core/bookings';
import { createRouteHandler } from '@hibachi/core/http';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

export const GET = createRouteHandler<{ reference: string }>(async (request, { params }) => {
  await consumeRateLimit('bookingLookup', `ip:${clientIp(request)}`);
  const proof = Object.fromEntries(new URL(request.url).searchParams);
  const invite = await getBookingInvite({ reference: params.reference, proof });
  return new Response(invite.content, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${invite.filename}"`,
      'Cache-Control': 'no-store',
    },
  });
});
