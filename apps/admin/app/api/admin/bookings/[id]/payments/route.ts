import { parseIdempotencyKey } from '@hibachi/core/bookings';
import { readJsonBody } from '@hibachi/core/http';
import { recordOfflinePayment } from '@hibachi/core/payments';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const POST = staffRoute<{ id: string }>(async (request, { staff, params, requestId }) => {
  const idempotencyKey = parseIdempotencyKey(request.headers.get('idempotency-key'));
  const result = await recordOfflinePayment({
    scope: staff,
    bookingId: params.id,
    input: await readJsonBody(request),
    idempotencyKey,
    requestId,
  });
  return Response.json(
    { data: result.body },
    { status: result.status, headers: result.replayed ? { 'Idempotent-Replayed': 'true' } : {} },
  );
});
