import { type Tx } from '../db/transaction';
import { requireInScope } from '../auth/require-in-scope';
import { type StaffScope } from '../auth/staff-scope';
import { UPCOMING_HOLDING_SQL } from '../scheduling/active-statuses';
import { type ChefRow } from './chef.schema';
import { required } from '../platform/required';

/** A booking that still holds its chef from now on (lapsed holds do not). */
export const HOLDS_CHEF = UPCOMING_HOLDING_SQL;

/** The chef, locked for this transaction; another station's chef (or none) answers 404. */
export function requireLockedChef(tx: Tx, scope: StaffScope, chefId: string) {
  return requireInScope(scope, 'chef', chefId, async (id) => {
    const [chef] = await tx.$queryRaw<
      { id: string; stationId: string; name: string; color: string; active: boolean }[]
    >`
      SELECT id, "stationId", name, color, active FROM "Chef"
       WHERE id = ${id}::uuid FOR UPDATE`;
    return chef;
  });
}

export async function chefRow(tx: Tx, chefId: string): Promise<ChefRow> {
  const [row] = await tx.$queryRaw<ChefRow[]>`
    SELECT c.id, c.name, c.color, c.active,
           (SELECT count(*)::int FROM "Booking" b WHERE b."chefId" = c.id AND ${HOLDS_CHEF}) AS "futureBookings"
      FROM "Chef" c WHERE c.id = ${chefId}::uuid`;
  return required(row, 'chef row');
}
