import { inTransaction } from '../db/transaction';
import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { parseInput } from '../validation';
import { ZUpdateChef, type ChefRow } from './chef.schema';
import { chefRow, requireLockedChef } from './chef-record';

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
