import { getMyEvents } from '@hibachi/core/bookings';
import { ok } from '@hibachi/core/http';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** A chef's own events from today on (chef accounts only). */
export const GET = staffRoute(async (_request, { staff }) =>
  ok(await getMyEvents({ scope: staff })),
);
