import { createBooking, parseIdempotencyKey } from '@hibachi/core/bookings';
import { createRouteHandler, readJsonBody } from '@hibachi/core/http';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

export const POST = createRouteHandler(async (request, { requestId }) => {
  const idempotencyKey = parseIdempotencyKey(request.headers.get('idempotency-key'));
  const clientAddress = clientIp(request);
  await consumeRateLimit('bookingCreate', `ip:${clientAddress}`);
  const input = await readJsonBody(request);
  const result = await createBooking({ input, idempotencyKey, requestId, clientAddress });
  return Response.json(
    { data: result.body },
    { status: result.status, headers: result.replayed ? { 'Idempotent-Replayed': 'true' } : {} },
  );
});
