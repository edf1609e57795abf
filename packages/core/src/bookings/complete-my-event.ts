import { writeStaffAudit } from '../audit/write-audit';
import { type StaffRequest } from '../auth/staff-scope';
import { AppError } from '../errors/app-error';
import { awaitsOutcome } from './staff-booking-actions';
import type { TCompletedEvent } from './my-events.schema';
import { updateBookingAtVersion } from './versioned-update';
import { onOwnEvent } from './my-events';

/**
 * `POST /api/admin/my-events/ID/complete`: the chef marks their own started event completed,
 * where the station allows it (Settings). Another chef's event answers 404; version-checked
 * and audited like the staff action.
 */
export async function completeMyEvent(
  options: StaffRequest & { bookingId: string; input: unknown; now?: Date },
): Promise<TCompletedEvent> {
  const now = options.now ?? new Date();
  return onOwnEvent(
    options,
    'Your station marks events completed from the office.',
    async (tx, booking, version) => {
      if (!awaitsOutcome(booking, now))
        throw new AppError(
          'CONFLICT',
          booking.status === 'CONFIRMED'
            ? 'This event has not started yet.'
            : `A ${booking.status.toLowerCase().replace('_', ' ')} event cannot be marked completed.`,
          { details: { reason: 'BAD_STATE', status: booking.status } },
        );
      await updateBookingAtVersion(tx, booking.id, version, { status: 'COMPLETED' });
      await writeStaffAudit(tx, options, {
        stationId: booking.stationId,
        entityType: 'Booking',
        entityId: booking.id,
        action: 'booking.completed',
        before: { status: booking.status },
        after: { status: 'COMPLETED', by: 'chef' },
      });
      return { id: booking.id, status: 'COMPLETED' as const, version: version + 1 };
    },
  );
}
