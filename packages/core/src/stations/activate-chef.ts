import { inTransaction } from '../db/transaction';
import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { type ChefRow } from './chef.schema';
import { chefRow, requireLockedChef } from './chef-record';

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
