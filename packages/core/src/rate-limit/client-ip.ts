import { getServerEnv } from '../env';

/**
 * The client address as the nearest trusted proxy saw it: the entry TRUSTED_PROXY_HOPS
 * from the right of X-Forwarded-For (Next.js fills the header with the socket address
 * when no proxy set it). Deploy behind a proxy that appends to the header.
 */
export function clientIp(request: Request): string {
  const hops = getServerEnv().TRUSTED_PROXY_HOPS;
  const entries = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - hops)] ?? 'unknown';
}
