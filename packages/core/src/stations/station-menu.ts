import { writeStaffAudit } from '../audit/write-audit';
import { requireInScope } from '../auth/require-in-scope';
import { type StaffRequest } from '../auth/staff-scope';
import { type Tx } from '../db/transaction';
import { AppError } from '../errors/app-error';
import type { MenuItem } from '../generated/prisma/client';
import { toMenuItem } from './get-public-menu';
import { ZStationMenu, type TStationMenu } from '../menu/menu.schema';

/**
 * Locks the station row and checks the version the editor read: menu changes are settings
 * changes (they bump the version, so a booking statement holding an older copy of the menu
 * reads it afresh, and two editors cannot both save over each other).
 */
export async function lockStationAt(tx: Tx, stationId: string, version: number): Promise<void> {
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

export async function menuOf(tx: Pick<Tx, 'station'>, stationId: string): Promise<TStationMenu> {
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

/** The caller's station's menu item, or 404 (malformed, missing and another station's alike). */
export function requireMenuItem(tx: Tx, options: StaffRequest, itemId: string): Promise<MenuItem> {
  return requireInScope(options.scope, 'menuItem', itemId, (id) =>
    tx.menuItem.findUnique({ where: { id } }),
  );
}

export function describe(item: MenuItem) {
  return {
    name: item.name,
    kind: item.kind,
    priceCents: item.priceCents,
    active: item.active,
    dietaryTags: item.dietaryTags,
  };
}

export function audit(
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
