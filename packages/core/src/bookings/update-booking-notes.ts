import { sealOptional } from '../crypto/field-crypto';
import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { parseInput } from '../validation';
import { requireStaffBooking } from './require-staff-booking';
import { ZUpdateNotesInput, type TSavedNotes } from './staff-bookings.schema';
import { updateBookingAtVersion } from './versioned-update';

/** `PATCH /api/admin/bookings/ID/notes`: staff notes, version-checked, audited before/after. */
export async function updateBookingNotes(
  options: StaffRequest & { bookingId: string; input: unknown },
): Promise<TSavedNotes> {
  assertCan(options.scope, 'bookings.editNotes');
  const input = parseInput(ZUpdateNotesInput, options.input);
  const notes = input.notes === '' ? null : input.notes;
  return inTransaction(async (tx) => {
    const booking = await requireStaffBooking(tx, options.scope, options.bookingId);
    if (booking.notes === notes && booking.version === input.version)
      return { id: booking.id, notes, version: booking.version };
    await updateBookingAtVersion(tx, booking.id, input.version, { notes: sealOptional(notes) });
    await writeStaffAudit(tx, options, {
      stationId: booking.stationId,
      entityType: 'Booking',
      entityId: booking.id,
      action: 'booking.notes_updated',
      // Sealed in the audit trail too (opened again when it is read).
      before: { notes: sealOptional(booking.notes) },
      after: { notes: sealOptional(notes) },
    });
    return { id: booking.id, notes, version: input.version + 1 };
  });
}
