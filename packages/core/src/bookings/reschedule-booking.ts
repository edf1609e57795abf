import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { translateDatabaseError } from '../errors/translate-database-error';
import { parseInput } from '../validation';
import { moveBooking } from './move-booking';
import { requireStaffBooking } from './require-staff-booking';
import { ZRescheduleInput, type TRescheduledBooking } from './reschedule-booking.schema';

export type RescheduledBooking = TRescheduledBooking;

/**
 * Moves a pending or confirmed booking to a new local date and time (and optionally a new
 * duration or chef), for the calendar, the detail page and the API. Staff may move inside
 * the customer's minimum notice but never into the past, on a quarter hour inside the
 * station's service hours. The chef is kept when free, else the least busy free chef is
 * chosen; the exclusion constraint has the last word. Payments and price stay as they are.
 * Version-checked (409 STALE_VERSION carries the current booking), audited, and the
 * customer is e-mailed. A move to the same window and chef writes nothing.
 */
export async function rescheduleBooking(
  options: StaffRequest & { bookingId: string; input: unknown; now?: Date },
): Promise<RescheduledBooking> {
  assertCan(options.scope, 'bookings.reschedule');
  const input = parseInput(ZRescheduleInput, options.input);
  const now = options.now ?? new Date();
  try {
    return await inTransaction(
      async (tx) => {
        await requireStaffBooking(tx, options.scope, options.bookingId);
        return moveBooking(tx, {
          bookingId: options.bookingId,
          input,
          now,
          actor: { kind: 'STAFF', request: options },
        });
      },
      { maxWait: 10_000, timeout: 15_000 },
    );
  } catch (error) {
    throw translateDatabaseError(error) ?? error;
  }
}
