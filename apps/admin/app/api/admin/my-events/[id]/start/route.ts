import { startMyEvent } from '@hibachi/core/bookings';
import { ok, readJsonBody } from '@hibachi/core/http';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** The chef says they have started their event, where the station allows it. */
export const POST = staffRoute<{ id: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await startMyEvent({
      scope: staff,
      bookingId: params.id,
      input: await readJsonBody(request),
      requestId,
    }),
  ),
);
