import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { parseInput } from '../validation';
import { ZUpdateMenuItem, type TStationMenu } from '../menu/menu.schema';
import { audit, describe, requireMenuItem, lockStationAt, menuOf } from './station-menu';

/**
 * `PATCH /api/admin/menu-items/ID`: new name, text, price, tags, order, or `active` (managers),
 * at the station version read. A new price applies to new quotes and to lines a booking adds
 * from now on; every booking keeps the price its lines were quoted at.
 */
export async function updateMenuItem(
  options: StaffRequest & { itemId: string; input: unknown },
): Promise<TStationMenu> {
  assertCan(options.scope, 'menu.manage');
  const input = parseInput(ZUpdateMenuItem, options.input);
  return inTransaction(async (tx) => {
    const item = await requireMenuItem(tx, options, options.itemId);
    await lockStationAt(tx, item.stationId, input.version);
    const { version: _version, ...fields } = input;
    const updated = await tx.menuItem.update({ where: { id: item.id }, data: fields });
    await audit(tx, options, item, 'menu.item_updated', describe(item), describe(updated));
    return menuOf(tx, item.stationId);
  });
}
