/** Requests allowed per window, per key (client IP, or an account / e-mail). */
export const RATE_LIMIT_POLICIES = {
  bookingCreate: { points: 5, durationSeconds: 60 },
  bookingLookup: { points: 10, durationSeconds: 60 },
  payment: { points: 10, durationSeconds: 60 },
  /** Admin sign-in attempts per client address. */
  login: { points: 10, durationSeconds: 300 },
  /** Admin sign-in attempts per e-mail address, whichever address they come from. */
  loginAccount: { points: 10, durationSeconds: 900 },
  search: { points: 60, durationSeconds: 60 },
} as const;

export type RateLimitCategory = keyof typeof RATE_LIMIT_POLICIES;
