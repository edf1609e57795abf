import { type StaffRequest } from '../auth/staff-scope';
import { UPCOMING_HOLDING_SQL } from '../scheduling/active-statuses';
import { AppError } from '../errors/app-error';
import { type StationAdminRow } from './station-settings.schema';
import { setStationOpen } from './station-lifecycle';

/**
 * `POST /api/admin/stations/SLUG/deactivate` (super admin): hidden from customers. Refused
 * while active bookings lie ahead (409 FUTURE_BOOKINGS with the count): they must be moved
 * or cancelled first. The row is locked FOR UPDATE; booking creation reads it FOR KEY SHARE
 * and checks it is still open, so a booking racing the closure either lands first (and is
 * counted here) or waits and is refused.
 */
export function deactivateStation(
  options: StaffRequest & { slug: string },
): Promise<StationAdminRow> {
  return setStationOpen(options, false, async (tx, station) => {
    const [{ count }] = await tx.$queryRaw<[{ count: number }]>`
      SELECT count(*)::int AS count FROM "Booking" b
       WHERE b."stationId" = ${station.id}::uuid AND ${UPCOMING_HOLDING_SQL}`;
    if (count > 0)
      throw new AppError(
        'CONFLICT',
        `${station.name} has ${count} upcoming booking${count === 1 ? '' : 's'}: move or cancel ${count === 1 ? 'it' : 'them'} before closing the station.`,
        { details: { reason: 'FUTURE_BOOKINGS', count } },
      );
  });
}
