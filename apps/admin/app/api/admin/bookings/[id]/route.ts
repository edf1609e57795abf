import { getStaffBooking, rescheduleBooking } from '@hibachi/core/bookings';
import { ok, readJsonBody } from '@hibachi/core/http';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const GET = staffRoute<{ id: string }>(async (_request, { staff, params }) =>
  ok(await getStaffBooking({ scope: staff, bookingId: params.id })),
);

/** Reschedule: `{date, time, durationMinutes?, chefId?, version}`. */
export const PATCH = staffRoute<{ id: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await rescheduleBooking({
      scope: staff,
      bookingId: params.id,
      input: await readJsonBody(request),
      requestId,
    }),
  ),
);
