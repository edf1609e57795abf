import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { requireStationInScope } from '../stations/station-in-scope';
import { parseInput } from '../validation';
import { ZTimeOffInput, type TTimeOffChange } from './season.schema';
import {
  auditSpan,
  requireStationChef,
  clearBookings,
  spanOf,
  toEntry,
  writeTimeOff,
} from './time-off';

/**
 * `POST /api/admin/stations/SLUG/time-off`: a chef is away for whole days or a span of hours.
 * Over the chef's booked events it is refused (409 CHEF_HAS_BOOKINGS, listing them) unless
 * `bookings: "reassign"`: then every one moves to a free chef, all or nothing (409
 * CHEF_BOOKINGS_UNMOVABLE). The chef's schedule lock is taken first and the database checks
 * again on insert, so a booking racing for the same window and this entry never both win.
 */
export async function createTimeOff(
  options: StaffRequest & { slug: string; input: unknown },
): Promise<TTimeOffChange> {
  assertCan(options.scope, 'chefs.timeOff');
  const input = parseInput(ZTimeOffInput, options.input);
  const stationId = await requireStationInScope(options.scope, options.slug);
  return writeTimeOff(async (tx) => {
    const chef = await requireStationChef(tx, options.scope, input.chefId, stationId);
    const span = spanOf(input, chef.timezone);
    const reassigned = await clearBookings(tx, options, chef, span, input.bookings);
    const row = await tx.chefTimeOff.create({
      data: {
        stationId,
        chefId: chef.id,
        ...span,
        note: input.note,
        createdById: options.scope.staffId,
      },
    });
    await writeStaffAudit(tx, options, {
      stationId,
      entityType: 'Chef',
      entityId: chef.id,
      action: 'chef.time_off_added',
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
