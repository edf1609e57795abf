import { markReadByCustomer, readConversationCookie } from '@hibachi/core/conversations';
import { createRouteHandler, ok, readJsonBody } from '@hibachi/core/http';
import { clientIp } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

/** The customer has seen the messages up to `seq` (staff's replies are then not e-mailed). */
export const POST = createRouteHandler(async (request) => {
  const input = await readJsonBody(request);
  return ok(
    await markReadByCustomer({
      cookie: readConversationCookie(request),
      address: clientIp(request),
      input,
    }),
  );
});
