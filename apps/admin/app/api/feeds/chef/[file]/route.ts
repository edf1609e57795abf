import { createRouteHandler } from '@hibachi/core/http';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';
import { chefFeed } from '@hibachi/core/season';

export const dynamic = 'force-dynamic';

/** A chef's private calendar feed (the secret token is the only key; no session). */
export const GET = createRouteHandler<{ file: string }>(async (request, { params }) => {
  await consumeRateLimit('bookingLookup', `ip:${clientIp(request)}`);
  return new Response(await chefFeed(params.file), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, max-age=300',
      'Referrer-Policy': 'no-referrer',
    },
  });
});
