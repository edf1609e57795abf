/**
 * Why a request was refused, as `error.details.reason`: the one list both the use cases (which
 * set it) and the apps' UI (which branch on it) are typed by, so a misspelt reason fails to
 * compile instead of silently never matching. Browser-safe.
 */
export const REFUSAL_REASONS = [
  // booking and scheduling
  'SLOT_TAKEN',
  /** The customer already holds an active booking on that date (the one reason for it). */
  'DUPLICATE_BOOKING',
  /** Any other record whose unique key exists already (e.g. two admins adding one e-mail at once). */
  'DUPLICATE',
  'STALE_VERSION',
  'BAD_STATE',
  'HOLD_EXPIRED',
  'IN_PROGRESS',
  'IDEMPOTENCY_MISMATCH',
  /** The menu and headcount are final for the customer (the station's lock before the event). */
  'MENU_LOCKED',
  /** A customer's own move outside the station's policy: too close to the event, or too often. */
  'RESCHEDULE_CLOSED',
  'RESCHEDULE_LIMIT',
  /** The change would price the event below what has been paid. */
  'BELOW_PAID',
  /** Erasing a customer who still has an event to come (cancel it first). */
  'UPCOMING_BOOKINGS',
  /** A chef's time off over time they already have off (one entry per moment). */
  'TIME_OFF_OVERLAP',
  // proposals and terms
  /** This version of the proposal has its acceptance already (one per version). */
  'ALREADY_ACCEPTED',
  /** The price changed since the customer read the proposal: they review it again. */
  'PROPOSAL_CHANGED',
  /** The station published new terms since the customer read them. */
  'TERMS_CHANGED',
  /** A phone order is paid online only once its proposal is accepted. */
  'TERMS_NOT_ACCEPTED',
  // payments
  'ALREADY_PAID',
  'OVERPAYMENT',
  'CARD_DECLINED',
  'PROVIDER_UNAVAILABLE',
  'OUT_OF_ORDER',
  /** A balance checkout asked for when the balance is paid and no gratuity was chosen. */
  'NOTHING_DUE',
  /** A refund marked settled by hand when nothing is owed on the payment. */
  'NOTHING_OWED',
  /** A refund the provider sends (and retries) is not settled by hand. */
  'SENT_BY_PROVIDER',
  // stations, chefs, staff
  'FUTURE_BOOKINGS',
  /** The station's currency cannot change once it has bookings (amounts would mix). */
  'CURRENCY_IN_USE',
  /** A menu item bookings hold is deactivated, never deleted. */
  'ITEM_IN_USE',
  'NO_ACTIVE_CHEFS',
  'CHEF_HAS_BOOKINGS',
  'CHEF_BOOKINGS_UNMOVABLE',
  'LAST_SUPER_ADMIN',
  'LINK_INVALID',
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** `error.details` as clients receive it: field messages, and a typed reason for refusals. */
export type ErrorDetails = Record<string, unknown> & { reason?: RefusalReason };
