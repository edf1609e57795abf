import { inTransaction, type Tx } from '../db/transaction';
import { writeStaffAudit } from '../audit/write-audit';
import { requireInScope } from '../auth/require-in-scope';
import { assertCan, type StaffRequest, type StaffScope } from '../auth/staff-scope';
import { UPCOMING_HOLDING_SQL } from '../scheduling/active-statuses';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation';
import { requireStationInScope } from './station-in-scope';
import {
  ZCreateChef,
  ZDeactivateChef,
  ZUpdateChef,
  type ChefBooking,
  type ChefRow,
  type TDeactivatedChef,
} from './chef.schema';
import { required } from '../platform/required';
import { reassignBookings } from './reassign-bookings';

/** A booking that still holds its chef from now on (lapsed holds do not). */
const HOLDS_CHEF = UPCOMING_HOLDING_SQL;

/** `GET /api/admin/stations/SLUG/chefs`: every chef of the station, active first, by name. */
export async function listChefs(options: { scope: StaffScope; slug: string }): Promise<ChefRow[]> {
  assertCan(options.scope, 'chefs.manage');
  const stationId = await requireStationInScope(options.scope, options.slug);
  return getDb().$queryRaw<ChefRow[]>`
    SELECT c.id, c.name, c.color, c.active,
           (SELECT count(*)::int FROM "Booking" b WHERE b."chefId" = c.id AND ${HOLDS_CHEF}) AS "futureBookings"
      FROM "Chef" c
     WHERE c."stationId" = ${stationId}::uuid
     ORDER BY c.active DESC, c.name, c.id`;
}

/** `POST /api/admin/stations/SLUG/chefs`: a new active chef; free from the next availability read on. */
export async function createChef(
  options: StaffRequest & { slug: string; input: unknown },
): Promise<ChefRow> {
  assertCan(options.scope, 'chefs.manage');
  const input = parseInput(ZCreateChef, options.input);
  const stationId = await requireStationInScope(options.scope, options.slug);
  return inTransaction(async (tx) => {
    const chef = await tx.chef.create({
      data: { stationId, name: input.name, color: input.color },
    });
    await writeStaffAudit(tx, options, {
      stationId,
      entityType: 'Chef',
      entityId: chef.id,
      action: 'chef.created',
      after: { name: chef.name, color: chef.color },
    });
    return { id: chef.id, name: chef.name, color: chef.color, active: true, futureBookings: 0 };
  });
}

/** `PATCH /api/admin/chefs/ID`: a new name or colour. */
export async function updateChef(
  options: StaffRequest & { chefId: string; input: unknown },
): Promise<ChefRow> {
  assertCan(options.scope, 'chefs.manage');
  const input = parseInput(ZUpdateChef, options.input);
  return inTransaction(async (tx) => {
    const chef = await requireLockedChef(tx, options.scope, options.chefId);
    const after = { name: input.name ?? chef.name, color: input.color ?? chef.color };
    if (after.name !== chef.name || after.color !== chef.color) {
      await tx.chef.update({ where: { id: chef.id }, data: after });
      await writeStaffAudit(tx, options, {
        stationId: chef.stationId,
        entityType: 'Chef',
        entityId: chef.id,
        action: 'chef.updated',
        before: { name: chef.name, color: chef.color },
        after,
      });
    }
    return { ...(await chefRow(tx, chef.id)) };
  });
}

/** `POST /api/admin/chefs/ID/activate`: a chef back on the roster. */
export async function activateChef(options: StaffRequest & { chefId: string }): Promise<ChefRow> {
  assertCan(options.scope, 'chefs.manage');
  return inTransaction(async (tx) => {
    const chef = await requireLockedChef(tx, options.scope, options.chefId);
    if (!chef.active) {
      await tx.chef.update({ where: { id: chef.id }, data: { active: true } });
      await writeStaffAudit(tx, options, {
        stationId: chef.stationId,
        entityType: 'Chef',
        entityId: chef.id,
        action: 'chef.activated',
      });
    }
    return chefRow(tx, chef.id);
  });
}

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

/** The chef, locked for this transaction; another station's chef (or none) answers 404. */
function requireLockedChef(tx: Tx, scope: StaffScope, chefId: string) {
  return requireInScope(scope, 'chef', chefId, async (id) => {
    const [chef] = await tx.$queryRaw<
      { id: string; stationId: string; name: string; color: string; active: boolean }[]
    >`
      SELECT id, "stationId", name, color, active FROM "Chef"
       WHERE id = ${id}::uuid FOR UPDATE`;
    return chef;
  });
}

async function chefRow(tx: Tx, chefId: string): Promise<ChefRow> {
  const [row] = await tx.$queryRaw<ChefRow[]>`
    SELECT c.id, c.name, c.color, c.active,
           (SELECT count(*)::int FROM "Booking" b WHERE b."chefId" = c.id AND ${HOLDS_CHEF}) AS "futureBookings"
      FROM "Chef" c WHERE c.id = ${chefId}::uuid`;
  return required(row, 'chef row');
}
