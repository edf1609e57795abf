import { conversationCookieHeader, startConversation } from '@hibachi/core/conversations';
import { createRouteHandler, ok, readJsonBody } from '@hibachi/core/http';
import { clientIp } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

/** Opens a conversation; the httpOnly cookie proves it from now on. */
export const POST = createRouteHandler(async (request) => {
  const { conversation, cookie } = await startConversation({
    input: await readJsonBody(request),
    address: clientIp(request),
  });
  return ok(conversation, {
    status: 201,
    headers: { 'Set-Cookie': conversationCookieHeader(cookie), 'Cache-Control': 'no-store' },
  });
});
