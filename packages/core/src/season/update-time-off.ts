import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { parseInput } from '../validation';
import { ZTimeOffInput, type TTimeOffChange } from './season.schema';
import {
  auditSpan,
  requireStationChef,
  clearBookings,
  requireTimeOffEntry,
  spanOf,
  toEntry,
  writeTimeOff,
} from './time-off';

/** `PATCH /api/admin/time-off/ID`: the same entry, other days or hours (or another chef). */
export async function updateTimeOff(
  options: StaffRequest & { timeOffId: string; input: unknown },
): Promise<TTimeOffChange> {
  assertCan(options.scope, 'chefs.timeOff');
  const input = parseInput(ZTimeOffInput, options.input);
  return writeTimeOff(async (tx) => {
    const existing = await requireTimeOffEntry(tx, options.scope, options.timeOffId);
    const chef = await requireStationChef(tx, options.scope, input.chefId, existing.stationId);
    const span = spanOf(input, chef.timezone);
    const reassigned = await clearBookings(tx, options, chef, span, input.bookings, existing.id);
    const row = await tx.chefTimeOff.update({
      where: { id: existing.id },
      data: { chefId: chef.id, ...span, note: input.note },
    });
    await writeStaffAudit(tx, options, {
      stationId: existing.stationId,
      entityType: 'Chef',
      entityId: chef.id,
      action: 'chef.time_off_changed',
      before: auditSpan(existing),
      after: {
        timeOffId: row.id,
        ...auditSpan(span),
        note: input.note,
        reassigned: reassigned.length,
      },
    });
    return { entry: toEntry({ ...row, chef: { name: chef.name } }, chef.timezone), reassigned };
  });
}
