/** Requests allowed per window, per key (client IP, or an account / e-mail). */
export const RATE_LIMIT_POLICIES = {
  bookingCreate: { points: 5, durationSeconds: 60 },
  bookingLookup: { points: 10, durationSeconds: 60 },
  payment: { points: 10, durationSeconds: 60 },
  login: { points: 10, durationSeconds: 300 },
  search: { points: 60, durationSeconds: 60 },
  general: { points: 120, durationSeconds: 60 },
} as const;

export type RateLimitCategory = keyof typeof RATE_LIMIT_POLICIES;
