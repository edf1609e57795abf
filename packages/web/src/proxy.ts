import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_ID_HEADER, resolveRequestId } from '@hibachi/core/http/request-id';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Runs before every request: gives it a request id (echoed on the response) and
 * refuses cross-site API mutations (Origin must match the host). Webhooks, which
 * come server-to-server without an Origin, pass through.
 */
export function requestProxy(request: NextRequest): NextResponse {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  const origin = request.headers.get('origin');
  if (
    UNSAFE_METHODS.has(request.method) &&
    request.nextUrl.pathname.startsWith('/api/') &&
    origin !== null &&
    hostOf(origin) !== request.headers.get('host')
  ) {
    return NextResponse.json(
      { error: { code: 'FORBIDDEN', message: 'Cross-site requests are not allowed.', requestId } },
      { status: 403, headers: { 'X-Request-Id': requestId } },
    );
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('X-Request-Id', requestId);
  return response;
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
