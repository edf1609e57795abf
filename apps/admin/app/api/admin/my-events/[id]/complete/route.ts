import { completeMyEvent } from '@hibachi/core/bookings';
import { ok, readJsonBody } from '@hibachi/core/http';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** The chef marks their own started event completed, where the station allows it. */
export const POST = staffRoute<{ id: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await completeMyEvent({
      scope: staff,
      bookingId: params.id,
      input: await readJsonBody(request),
      requestId,
    }),
  ),
);
