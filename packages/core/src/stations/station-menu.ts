import { writeStaffAudit } from '../audit/write-audit';
import { requireInScope } from '../auth/require-in-scope';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction, type Tx } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { hasDatabaseCode } from '../errors/translate-database-error';
import type { MenuItem } from '../generated/prisma/client';
import { toMenuItem } from './get-public-menu';
import { requireStationInScope } from './station-in-scope';
import { parseInput } from '../validation';
import {
  ZCreateMenuItem,
  ZUpdateMenuItem,
  ZStationMenu,
  type TStationMenu,
} from '../menu/menu.schema';

/**
 * Locks the station row and checks the version the editor read: menu changes are settings
 * changes (they bump the version, so a booking statement holding an older copy of the menu
 * reads it afresh, and two editors cannot both save over each other).
 */
async function lockStationAt(tx: Tx, stationId: string, version: number): Promise<void> {
  const [row] = await tx.$queryRaw<{ version: number }[]>`
    SELECT version FROM "Station" WHERE id = ${stationId}::uuid FOR UPDATE`;
  if (!row || row.version !== version)
    throw new AppError(
      'CONFLICT',
      'Someone else changed this menu since you opened it. Reload to see their changes.',
      { details: { reason: 'STALE_VERSION' } },
    );
  await tx.station.update({ where: { id: stationId }, data: { version: { increment: 1 } } });
}

async function menuOf(tx: Pick<Tx, 'station'>, stationId: string): Promise<TStationMenu> {
  const station = await tx.station.findUniqueOrThrow({
    where: { id: stationId },
    include: { menuItems: { orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] } },
  });
  return ZStationMenu.parse({
    station: {
      slug: station.slug,
      name: station.name,
      currency: station.currency,
      locale: station.locale,
    },
    version: station.version,
    proteinsPerAdult: station.proteinsPerAdult,
    menuLockHours: station.menuLockHours,
    items: station.menuItems.map(toMenuItem),
  });
}

/** `GET /api/admin/stations/SLUG/menu`: every item, active or not, with the station version. */
export async function getStationMenu(
  options: StaffRequest & { slug: string },
): Promise<TStationMenu> {
  assertCan(options.scope, 'bookings.view');
  const stationId = await requireStationInScope(options.scope, options.slug);
  return inTransaction((tx) => menuOf(tx, stationId));
}

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

/** The caller's station's menu item, or 404 (malformed, missing and another station's alike). */
function requireMenuItem(tx: Tx, options: StaffRequest, itemId: string): Promise<MenuItem> {
  return requireInScope(options.scope, 'menuItem', itemId, (id) =>
    tx.menuItem.findUnique({ where: { id } }),
  );
}

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

function describe(item: MenuItem) {
  return {
    name: item.name,
    kind: item.kind,
    priceCents: item.priceCents,
    active: item.active,
    dietaryTags: item.dietaryTags,
  };
}

function audit(
  tx: Tx,
  options: StaffRequest,
  item: MenuItem,
  action: string,
  before?: ReturnType<typeof describe>,
  after?: ReturnType<typeof describe>,
) {
  return writeStaffAudit(tx, options, {
    stationId: item.stationId,
    entityType: 'MenuItem',
    entityId: item.id,
    action,
    before,
    after,
  });
}
