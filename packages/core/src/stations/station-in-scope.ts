import { resolveStationChoice } from '../auth/resolve-station-choice';
import type { StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { fieldError } from '../validation';

/** The station a SLUG in an admin path names, for this caller: another one, or none, answers 404. */
export async function requireStationInScope(scope: StaffScope, slug: string): Promise<string> {
  const stationId = await resolveStationChoice(scope, slug);
  if (!stationId) throw new AppError('NOT_FOUND', 'No such station.');
  return stationId;
}

/**
 * The station a request without a SLUG in its path means: `?station=` when given, else the
 * caller's own; a super admin (no station of their own) must name one.
 */
export async function stationSlugFor(scope: StaffScope, requested: string | null): Promise<string> {
  if (requested) return requested;
  const station = scope.stationId
    ? await getDb().station.findUnique({ where: { id: scope.stationId }, select: { slug: true } })
    : null;
  if (!station) throw fieldError('station', 'Choose a station');
  return station.slug;
}
