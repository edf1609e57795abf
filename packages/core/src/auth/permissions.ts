/**
 * What each staff role may do: the one table both core (which refuses with 403) and the
 * admin UI (which hides what the user may not press) read. Browser-safe: no server imports.
 */
export type StaffRole = 'SUPER_ADMIN' | 'MANAGER' | 'STAFF' | 'CHEF';

const EVERYONE = ['SUPER_ADMIN', 'MANAGER', 'STAFF'] as const;
const MANAGERS = ['SUPER_ADMIN', 'MANAGER'] as const;

export const STAFF_PERMISSIONS = {
  'bookings.view': EVERYONE,
  /** A phone or text order entered for the customer (held until they pay the deposit). */
  'bookings.create': EVERYONE,
  'bookings.reschedule': EVERYONE,
  'bookings.recordPayment': EVERYONE,
  'bookings.markOutcome': EVERYONE,
  'bookings.editNotes': EVERYONE,
  /** The party's menu and headcount, before and after the customer's lock. */
  'bookings.editMenu': EVERYONE,
  /** The day's prep sheet: each event's counts and the shopping list. */
  'prep.view': EVERYONE,
  'bookings.cancel': MANAGERS,
  /** A discount or surcharge (with its reason), and sending the proposal link again. */
  'bookings.adjustPrice': EVERYONE,
  /** A deposit other than the station's on a phone order. */
  'bookings.setDeposit': MANAGERS,
  /** Saying a refund owed by hand (terminal, cash, check) was given back. */
  'refunds.settle': MANAGERS,
  'analytics.view': EVERYONE,
  'outbox.view': MANAGERS,
  'outbox.retry': MANAGERS,
  'stations.all': ['SUPER_ADMIN'],
  'stations.settings': MANAGERS,
  'chefs.manage': MANAGERS,
  /**
   * A chef's time off and weekly days off: staff too, since a chef calling in sick reaches
   * whoever answers; every change is audited and refused over booked events unless moved.
   */
  'chefs.timeOff': EVERYONE,
  'menu.manage': MANAGERS,
  'staff.manage': ['SUPER_ADMIN'],
  'stations.manage': ['SUPER_ADMIN'],
  /** The station's customer conversations: read, answer, assign, close, link to a booking. */
  'conversations.answer': EVERYONE,
  /** Live updates of the station's bookings and conversations on admin screens. */
  'live.view': EVERYONE,
  /** A customer's data: find by exact e-mail or phone, export it, erase it (UK GDPR). */
  'customers.privacy': ['SUPER_ADMIN'],
  /** A chef's own events, on their phone; nothing else of the admin. */
  'myEvents.view': ['CHEF'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type StaffAction = keyof typeof STAFF_PERMISSIONS;

export function can(role: StaffRole, action: StaffAction): boolean {
  return (STAFF_PERMISSIONS[action] as readonly StaffRole[]).includes(role);
}

export const ROLE_LABELS: Record<StaffRole, string> = {
  SUPER_ADMIN: 'Super admin',
  MANAGER: 'Manager',
  STAFF: 'Staff',
  CHEF: 'Chef',
};
