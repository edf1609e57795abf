import { createRouteHandler } from '@hibachi/core/http';
import { stationListResponse } from '@hibachi/core/stations';

export const dynamic = 'force-dynamic';

/** The list is serialized once per change; a client holding it gets 304 Not Modified. */
export const GET = createRouteHandler(async (request) => {
  const { body, etag } = await stationListResponse();
  const headers = { ETag: etag, 'Cache-Control': 'no-cache' };
  if (request.headers.get('if-none-match') === etag)
    return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, 'Content-Type': 'application/json' } });
});
