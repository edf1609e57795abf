import { customerEventStream, readConversationCookie } from '@hibachi/core/conversations';
import { createRouteHandler } from '@hibachi/core/http';
import { clientIp } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

/** The conversation live (server-sent events), from `Last-Event-ID` or `?after=N` on. */
export const GET = createRouteHandler(async (request) =>
  customerEventStream(request, {
    cookie: readConversationCookie(request),
    address: clientIp(request),
    lastEventId: request.headers.get('last-event-id'),
    query: Object.fromEntries(new URL(request.url).searchParams),
  }),
);
