import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_ID_HEADER, resolveRequestId } from '@hibachi/core/http/request-id';
import { newNonce, pagePolicy, sentryOrigin } from './content-security-policy';

const CSP = 'Content-Security-Policy';
const sentryDsn = process.env.NEXT_PUBLIC_SENTRY_DSN;
const reportTo = sentryDsn ? sentryOrigin(sentryDsn) : undefined;
const development = process.env.NODE_ENV !== 'production';

/**
 * Runs before page requests only (see PAGE_MATCHER): gives each a request id, passed to
 * server components and echoed on the response, and the page's content security policy
 * with a fresh nonce (Next.js reads it from the request's policy and puts it on its scripts).
 * API routes skip it: their wrapper (`createRouteHandler`) sets the id and refuses
 * cross-site mutations itself, so they pay for no second pass; static assets need neither.
 */
export function requestProxy(request: NextRequest): NextResponse {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  const policy = pagePolicy({ nonce: newNonce(), development, reportTo });
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set(CSP, policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('X-Request-Id', requestId);
  response.headers.set(CSP, policy);
  return response;
}
