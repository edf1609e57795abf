/**
 * Requests allowed per window, per key (client IP, or an account / e-mail). `shared` budgets
 * are counted in the shared store (PostgreSQL or Redis) so every instance sees one count:
 * they guard writes, money and guessing (booking references, passwords). Reads of public
 * data (`search`) are counted in each instance's memory: a budget per instance is enough to
 * stop a flood, and no read pays for a database write.
 */
export const RATE_LIMIT_POLICIES = {
  bookingCreate: { points: 5, durationSeconds: 60, shared: true },
  bookingLookup: { points: 10, durationSeconds: 60, shared: true },
  payment: { points: 10, durationSeconds: 60, shared: true },
  /** Admin sign-in attempts per client address. */
  login: { points: 10, durationSeconds: 300, shared: true },
  /** Admin sign-in attempts per e-mail address, whichever address they come from. */
  loginAccount: { points: 10, durationSeconds: 900, shared: true },
  search: { points: 60, durationSeconds: 60, shared: false },
  /** Phone orders a staff member enters, per account: a busy desk, not a script. */
  staffBookingCreate: { points: 60, durationSeconds: 60, shared: true },
  /** Exact-contact customer lookups per staff account (each says whether someone booked). */
  staffCustomerLookup: { points: 30, durationSeconds: 60, shared: true },
  /** Conversations opened per client address. */
  chatStart: { points: 5, durationSeconds: 600, shared: true },
  /** Customer messages per client address, and per conversation whichever address sends. */
  chatMessage: { points: 30, durationSeconds: 60, shared: true },
  chatConversation: { points: 20, durationSeconds: 60, shared: true },
  /** Reads, read receipts and stream (re)connections of the widget, per instance. */
  chatRead: { points: 240, durationSeconds: 60, shared: false },
  /** Web Vitals beacons (a page view sends up to four), per instance. */
  webVitals: { points: 60, durationSeconds: 60, shared: false },
} as const;

export type RateLimitCategory = keyof typeof RATE_LIMIT_POLICIES;
