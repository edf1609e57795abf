import { getCustomerConversation, readConversationCookie } from '@hibachi/core/conversations';
import { createRouteHandler, ok } from '@hibachi/core/http';
import { clientIp } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

/** The widget's conversation (its cookie) with the messages after `?after=N`. */
export const GET = createRouteHandler(async (request) =>
  ok(
    await getCustomerConversation({
      cookie: readConversationCookie(request),
      address: clientIp(request),
      query: Object.fromEntries(new URL(request.url).searchParams),
    }),
    { headers: { 'Cache-Control': 'no-store' } },
  ),
);
