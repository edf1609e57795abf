import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import type { StaffScope } from './staff-scope';

/**
 * The station id a `?station=SLUG` parameter selects for this caller. A super admin may pick
 * any station (none: every station, undefined); anyone else is held to their own, and naming
 * another station answers 404 like an unknown one.
 */
export async function resolveStationChoice(
  scope: StaffScope,
  slug: string | undefined,
): Promise<string | undefined> {
  if (!slug) return scope.role === 'SUPER_ADMIN' ? undefined : (scope.stationId ?? undefined);
  const station = await getDb().station.findUnique({ where: { slug }, select: { id: true } });
  if (!station || (scope.role !== 'SUPER_ADMIN' && station.id !== scope.stationId))
    throw new AppError('NOT_FOUND', 'No such station.');
  return station.id;
}
