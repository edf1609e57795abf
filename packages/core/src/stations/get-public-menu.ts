import type { MenuItem } from '../generated/prisma/client';
import type { TMenuItem } from '../menu/menu.schema';
import { AppError } from '../errors/app-error';
import { cachedActiveStation, type StationWithMenu } from './station-cache';
import { ZPublicMenu, type TPublicMenu } from './station.schema';

/** A menu item as the API answers it. */
export function toMenuItem(item: MenuItem): TMenuItem {
  return {
    id: item.id,
    name: item.name,
    description: item.description,
    kind: item.kind,
    priceCents: item.priceCents,
    dietaryTags: item.dietaryTags,
    active: item.active,
    sortOrder: item.sortOrder,
  };
}

/** What customers see of a station's menu and travel (from the instance's station cache). */
export function publicMenuOf(station: StationWithMenu): TPublicMenu {
  return ZPublicMenu.parse({
    station: {
      slug: station.slug,
      name: station.name,
      currency: station.currency,
      locale: station.locale,
    },
    proteinsPerAdult: station.proteinsPerAdult,
    menuLockHours: station.menuLockHours,
    items: station.menuItems.filter((item) => item.active).map(toMenuItem),
    travel:
      station.travelMode === 'DISTANCE'
        ? {
            mode: 'DISTANCE',
            freeMiles: station.travelFreeMiles,
            feePerMileCents: station.travelFeePerMileCents,
            maxMiles: station.travelMaxMiles,
          }
        : station.travelMode === 'ZONES'
          ? {
              mode: 'ZONES',
              zones: station.travelZones.map(({ prefix, label, feeCents }) => ({
                prefix,
                label,
                feeCents,
              })),
            }
          : { mode: 'NONE' },
  });
}

/** `GET /api/stations/SLUG/menu` (404 for a station customers cannot book). */
export async function getPublicMenu(slug: string): Promise<TPublicMenu> {
  const station = /^[a-z0-9-]{1,64}$/.test(slug) ? await cachedActiveStation(slug) : undefined;
  if (!station) throw new AppError('NOT_FOUND', 'We do not serve that location.');
  return publicMenuOf(station);
}
