import { timingSafeEqual } from 'node:crypto';

export { getMetrics, recordRequest, routeLabel } from './registry';
export { recordWebVitals } from './web-vitals';

/** With a configured token, only `Authorization: Bearer <token>` may read metrics (constant-time compare). */
export function canReadMetrics(authorization: string | null, token: string | undefined): boolean {
  if (!token) return true;
  const sent = Buffer.from(authorization?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(token);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}
