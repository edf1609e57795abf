import { countUnreadConversations } from '@hibachi/core/conversations';
import { ok } from '@hibachi/core/http';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** How many open conversations wait for staff (the navigation's badge). */
export const GET = staffRoute(async (request, { staff }) =>
  ok(
    await countUnreadConversations({
      scope: staff,
      station: new URL(request.url).searchParams.get('station') ?? undefined,
    }),
  ),
);
