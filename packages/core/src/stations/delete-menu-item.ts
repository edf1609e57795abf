import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { hasDatabaseCode } from '../errors/translate-database-error';
import { parseInput } from '../validation';
import { ZUpdateMenuItem, type TStationMenu } from '../menu/menu.schema';
import { audit, describe, requireMenuItem, lockStationAt, menuOf } from './station-menu';

/**
 * `DELETE /api/admin/menu-items/ID?version=N`: removes an item no booking has ever held
 * (managers); one that bookings hold is refused (409 ITEM_IN_USE): deactivate it instead. The
 * foreign key from the bookings' lines has the last word.
 */
export async function deleteMenuItem(
  options: StaffRequest & { itemId: string; version: unknown },
): Promise<TStationMenu> {
  assertCan(options.scope, 'menu.manage');
  const { version } = parseInput(ZUpdateMenuItem.pick({ version: true }), {
    version: Number(options.version),
  });
  const inUse = () =>
    new AppError(
      'CONFLICT',
      'Bookings hold this item, so it stays on their records: deactivate it instead.',
      { details: { reason: 'ITEM_IN_USE' } },
    );
  try {
    return await inTransaction(async (tx) => {
      const item = await requireMenuItem(tx, options, options.itemId);
      await lockStationAt(tx, item.stationId, version);
      if ((await tx.bookingMenuLine.count({ where: { itemId: item.id } })) > 0) throw inUse();
      await tx.menuItem.delete({ where: { id: item.id } });
      await audit(tx, options, item, 'menu.item_deleted', describe(item));
      return menuOf(tx, item.stationId);
    });
  } catch (error) {
    if (hasDatabaseCode(error, '23503')) throw inUse();
    throw error;
  }
}
