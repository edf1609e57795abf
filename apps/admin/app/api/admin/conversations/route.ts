import { listConversations } from '@hibachi/core/conversations';
import { ok } from '@hibachi/core/http';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** The station's conversations, newest first (`?status=`, `?q=`, `?mine=true`, `?station=`). */
export const GET = staffRoute(async (request, { staff }) =>
  ok(
    await listConversations({
      scope: staff,
      query: Object.fromEntries(new URL(request.url).searchParams),
    }),
  ),
);
