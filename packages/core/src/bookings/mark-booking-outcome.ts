import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation';
import { requireStaffBooking } from './require-staff-booking';
import { awaitsOutcome } from './staff-booking-actions';
import { ZMarkOutcomeInput, type TBookingOutcome } from './staff-bookings.schema';
import { updateBookingAtVersion } from './versioned-update';

/**
 * `POST /api/admin/bookings/ID/status`: staff record how a confirmed event went
 * (COMPLETED or NO_SHOW), only once it has started. Version-checked and audited.
 */
export async function markBookingOutcome(
  options: StaffRequest & { bookingId: string; input: unknown; now?: Date },
): Promise<TBookingOutcome> {
  assertCan(options.scope, 'bookings.markOutcome');
  const input = parseInput(ZMarkOutcomeInput, options.input);
  const now = options.now ?? new Date();
  return inTransaction(async (tx) => {
    const booking = await requireStaffBooking(tx, options.scope, options.bookingId);
    if (!awaitsOutcome(booking, now)) {
      throw new AppError(
        'CONFLICT',
        booking.status === 'CONFIRMED'
          ? 'This event has not started yet.'
          : `A ${booking.status.toLowerCase().replace('_', ' ')} booking cannot be marked ${input.status === 'COMPLETED' ? 'completed' : 'no-show'}.`,
        { details: { reason: 'BAD_STATE', status: booking.status } },
      );
    }
    await updateBookingAtVersion(tx, booking.id, input.version, { status: input.status });
    await writeStaffAudit(tx, options, {
      stationId: booking.stationId,
      entityType: 'Booking',
      entityId: booking.id,
      action: input.status === 'COMPLETED' ? 'booking.completed' : 'booking.no_show',
      before: { status: booking.status },
      after: { status: input.status },
    });
    return { id: booking.id, status: input.status, version: input.version + 1 };
  });
}
