import { inTransaction } from '../db/transaction';
import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation';
import { ZDeactivateChef, type ChefBooking, type TDeactivatedChef } from './chef.schema';
import { reassignBookings } from './reassign-bookings';
import { chefRow, HOLDS_CHEF, requireLockedChef } from './chef-record';

/**
 * `POST /api/admin/chefs/ID/deactivate`: the chef leaves the roster and availability. With
 * future bookings it is refused (409 CHEF_HAS_BOOKINGS, listing them) unless `reassign` is
 * set: then each booking, earliest first, moves to the least busy free chef of the station,
 * in one transaction. If any booking finds no free chef the whole request fails (409
 * CHEF_BOOKINGS_UNMOVABLE, listing those bookings) and nothing moves; the exclusion
 * constraint has the last word against a customer booking the same window at the same time.
 *
 * The chef row is locked FOR UPDATE first. Booking creation and rescheduling read the chef
 * they pick FOR KEY SHARE, so they wait for this and then skip the now inactive chef.
 */
export async function deactivateChef(
  options: StaffRequest & { chefId: string; input: unknown },
): Promise<TDeactivatedChef> {
  assertCan(options.scope, 'chefs.manage');
  const input = parseInput(ZDeactivateChef, options.input ?? {});
  return inTransaction(
    async (tx) => {
      const chef = await requireLockedChef(tx, options.scope, options.chefId);
      if (!chef.active) return { chef: await chefRow(tx, chef.id), moved: [] };
      const future = await tx.$queryRaw<(ChefBooking & { startsAt: Date; blockedUntil: Date })[]>`
        SELECT b.id, b.reference, to_char(b."eventDate", 'YYYY-MM-DD') AS date, b."startTime" AS time,
               b."startsAt", b."blockedUntil"
          FROM "Booking" b
         WHERE b."chefId" = ${chef.id}::uuid AND ${HOLDS_CHEF}
         ORDER BY b."startsAt", b.id
           FOR UPDATE OF b`;
      const listedOne = ({ id, reference, date, time }: (typeof future)[number]): ChefBooking => ({
        id,
        reference,
        date,
        time,
      });
      const listed = (rows: typeof future): ChefBooking[] => rows.map(listedOne);
      if (future.length > 0 && !input.reassign)
        throw new AppError(
          'CONFLICT',
          `${chef.name} has ${future.length} upcoming booking${future.length === 1 ? '' : 's'}. Reassign them to other chefs, or move them first.`,
          { details: { reason: 'CHEF_HAS_BOOKINGS', bookings: listed(future) } },
        );

      const moved = await reassignBookings(tx, options, chef, future);

      await tx.chef.update({ where: { id: chef.id }, data: { active: false } });
      await writeStaffAudit(tx, options, {
        stationId: chef.stationId,
        entityType: 'Chef',
        entityId: chef.id,
        action: 'chef.deactivated',
        after: { reassigned: moved.length },
      });
      return { chef: await chefRow(tx, chef.id), moved };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
