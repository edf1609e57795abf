import { writeStaffAudit } from '../audit/write-audit';
import { type StaffRequest } from '../auth/staff-scope';
import { AppError } from '../errors/app-error';
import type { TStartedEvent } from './my-events.schema';
import { updateBookingAtVersion } from './versioned-update';
import { mayStart, onOwnEvent } from './my-events';

/**
 * `POST /api/admin/my-events/ID/start`: the chef says they have started (where the station
 * allows chefs to mark their events); staff see it on the booking. Version-checked, audited.
 */
export async function startMyEvent(
  options: StaffRequest & { bookingId: string; input: unknown; now?: Date },
): Promise<TStartedEvent> {
  const now = options.now ?? new Date();
  return onOwnEvent(
    options,
    'Your station follows events from the office.',
    async (tx, booking, version) => {
      if (!mayStart(booking, now))
        throw new AppError(
          'CONFLICT',
          booking.startedAt
            ? 'This event is marked started already.'
            : 'An event can be marked started from two hours before it until it ends.',
          { details: { reason: 'BAD_STATE', status: booking.status } },
        );
      await updateBookingAtVersion(tx, booking.id, version, { startedAt: now });
      await writeStaffAudit(tx, options, {
        stationId: booking.stationId,
        entityType: 'Booking',
        entityId: booking.id,
        action: 'booking.started',
        after: { startedAt: now.toISOString(), by: 'chef' },
      });
      return { id: booking.id, startedAt: now.toISOString(), version: version + 1 };
    },
  );
}
