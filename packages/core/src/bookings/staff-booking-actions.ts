import { can, type StaffRole } from '../auth/permissions';
import type { TBookingStatus } from './staff-bookings.schema';

export type StaffBookingActions = {
  recordPayment: boolean;
  cancel: boolean;
  markOutcome: boolean;
  editNotes: boolean;
  reschedule: boolean;
  /** Party and menu: while the booking stands, also on the day (more guests came). */
  editMenu: boolean;
  /** Marking a refund owed by hand (terminal, cash, check) as given back. */
  settleRefunds: boolean;
};

type BookingState = { status: TBookingStatus; startsAt: Date };

const isActive = (status: TBookingStatus) => status === 'PENDING_PAYMENT' || status === 'CONFIRMED';

/** Money can be taken while the booking stands (also after the event, for the balance). */
export const acceptsPayments = (booking: BookingState) =>
  isActive(booking.status) || booking.status === 'COMPLETED';

/** Completed / no-show is said of a confirmed event once it has started. */
export const awaitsOutcome = (booking: BookingState, now: Date) =>
  booking.status === 'CONFIRMED' && booking.startsAt <= now;

/** Cancelling and moving are for bookings that stand and have not started. */
export const isUpcomingAndActive = (booking: BookingState, now: Date) =>
  isActive(booking.status) && booking.startsAt > now;

/**
 * What this user can do to this booking now: their role (the permission table) and the
 * booking's state together. The detail API sends it so the UI shows only buttons that work.
 */
export function staffBookingActions(
  role: StaffRole,
  booking: BookingState,
  now: Date,
): StaffBookingActions {
  return {
    recordPayment: can(role, 'bookings.recordPayment') && acceptsPayments(booking),
    cancel: can(role, 'bookings.cancel') && isUpcomingAndActive(booking, now),
    markOutcome: can(role, 'bookings.markOutcome') && awaitsOutcome(booking, now),
    editNotes: can(role, 'bookings.editNotes'),
    reschedule: can(role, 'bookings.reschedule') && isUpcomingAndActive(booking, now),
    editMenu: can(role, 'bookings.editMenu') && isActive(booking.status),
    settleRefunds: can(role, 'refunds.settle'),
  };
}
