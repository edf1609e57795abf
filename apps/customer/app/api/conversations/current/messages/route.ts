import { postCustomerMessage, readConversationCookie } from '@hibachi/core/conversations';
import { createRouteHandler, ok, readJsonBody } from '@hibachi/core/http';
import { clientIp } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

/** The customer writes: 201, or 200 with the kept message when its id was sent before. */
export const POST = createRouteHandler(async (request) => {
  const input = await readJsonBody(request);
  const { message, duplicate } = await postCustomerMessage({
    cookie: readConversationCookie(request),
    address: clientIp(request),
    input,
  });
  return ok(message, { status: duplicate ? 200 : 201 });
});
