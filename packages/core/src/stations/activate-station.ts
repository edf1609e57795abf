import { type StaffRequest } from '../auth/staff-scope';
import { AppError } from '../errors/app-error';
import { type StationAdminRow } from './station-settings.schema';
import { setStationOpen } from './station-lifecycle';

/**
 * `POST /api/admin/stations/SLUG/activate` (super admin): open to customers. Refused without
 * an active chef (409 NO_ACTIVE_CHEFS): customers would find every time taken.
 */
export function activateStation(
  options: StaffRequest & { slug: string },
): Promise<StationAdminRow> {
  return setStationOpen(options, true, async (tx, station) => {
    const chefs = await tx.chef.count({ where: { stationId: station.id, active: true } });
    if (chefs === 0)
      throw new AppError(
        'CONFLICT',
        `${station.name} has no active chef yet: add one in Settings before opening it.`,
        { details: { reason: 'NO_ACTIVE_CHEFS' } },
      );
  });
}
