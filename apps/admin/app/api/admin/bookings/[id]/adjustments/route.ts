import { adjustBookingPrice } from '@hibachi/core/bookings';
import { ok, readJsonBody } from '@hibachi/core/http';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const POST = staffRoute<{ id: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await adjustBookingPrice({
      scope: staff,
      bookingId: params.id,
      input: await readJsonBody(request),
      requestId,
    }),
    { status: 201 },
  ),
);
