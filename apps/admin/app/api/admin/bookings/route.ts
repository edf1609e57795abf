import { createStaffBooking, listStaffBookings, parseIdempotencyKey } from '@hibachi/core/bookings';
import { ok, readJsonBody } from '@hibachi/core/http';
import { consumeRateLimit } from '@hibachi/core/rate-limit';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(async (request, { staff }) =>
  ok(
    await listStaffBookings({
      scope: staff,
      query: Object.fromEntries(new URL(request.url).searchParams),
    }),
  ),
);

export const POST = staffRoute(async (request, { staff, requestId }) => {
  const idempotencyKey = parseIdempotencyKey(request.headers.get('idempotency-key'));
  await consumeRateLimit('staffBookingCreate', `staff:${staff.staffId}`);
  const result = await createStaffBooking({
    scope: staff,
    input: await readJsonBody(request),
    idempotencyKey,
    requestId,
  });
  return Response.json(
    { data: result.body },
    { status: result.status, headers: result.replayed ? { 'Idempotent-Replayed': 'true' } : {} },
  );
});
