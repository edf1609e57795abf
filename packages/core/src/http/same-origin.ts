const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A browser's cross-site mutation: an unsafe method whose `Origin` names another host.
 * Requests without an `Origin` (webhooks, server-to-server, curl) are not browsers' and
 * pass; cookies are SameSite=Lax besides.
 */
export function isCrossSiteMutation(request: Request): boolean {
  if (!UNSAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  try {
    return new URL(origin).host !== request.headers.get('host');
  } catch {
    return true;
  }
}
