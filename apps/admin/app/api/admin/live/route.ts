import { staffEventStream } from '@hibachi/core/live';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** What changes on the station's screens, live (server-sent events; `?station=` for a super admin). */
export const GET = staffRoute(async (request, { staff }) =>
  staffEventStream(request, {
    scope: staff,
    query: Object.fromEntries(new URL(request.url).searchParams),
  }),
);
