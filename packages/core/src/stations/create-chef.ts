import { inTransaction } from '../db/transaction';
import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { parseInput } from '../validation';
import { requireStationInScope } from './station-in-scope';
import { ZCreateChef, type ChefRow } from './chef.schema';

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
