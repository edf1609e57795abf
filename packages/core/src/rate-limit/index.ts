export { consumeRateLimit, resetRateLimit } from './rate-limiter';
export { clientIp } from './client-ip';
export { RATE_LIMIT_POLICIES, type RateLimitCategory } from './policies';
