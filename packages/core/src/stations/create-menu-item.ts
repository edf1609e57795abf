import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { requireStationInScope } from './station-in-scope';
import { parseInput } from '../validation';
import { ZCreateMenuItem, type TStationMenu } from '../menu/menu.schema';
import { audit, describe, lockStationAt, menuOf } from './station-menu';

/** `POST /api/admin/stations/SLUG/menu/items`: a new item (managers), at the version read. */
export async function createMenuItem(
  options: StaffRequest & { slug: string; input: unknown },
): Promise<TStationMenu> {
  assertCan(options.scope, 'menu.manage');
  const input = parseInput(ZCreateMenuItem, options.input);
  const stationId = await requireStationInScope(options.scope, options.slug);
  return inTransaction(async (tx) => {
    await lockStationAt(tx, stationId, input.version);
    const { version: _version, ...fields } = input;
    const item = await tx.menuItem.create({ data: { ...fields, stationId } });
    await audit(tx, options, item, 'menu.item_created', undefined, describe(item));
    return menuOf(tx, stationId);
  });
}
