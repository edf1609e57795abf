import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_ID_HEADER, resolveRequestId } from '@hibachi/core/http/request-id';

/**
 * Runs before page requests only (see PAGE_MATCHER): gives each a request id, passed to
 * server components and echoed on the response. API routes skip it: their wrapper
 * (`createRouteHandler`) sets the id and refuses cross-site mutations itself, so they pay
 * for no second pass; static assets need neither.
 */
export function requestProxy(request: NextRequest): NextResponse {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('X-Request-Id', requestId);
  return response;
}
