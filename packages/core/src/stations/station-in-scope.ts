import { resolveStationChoice } from '../auth/resolve-station-choice';
import type { StaffScope } from '../auth/staff-scope';
import { AppError } from '../errors/app-error';

/** The station a SLUG in an admin path names, for this caller: another one, or none, answers 404. */
export async function stationInScope(scope: StaffScope, slug: string): Promise<string> {
  const stationId = await resolveStationChoice(scope, slug);
  if (!stationId) throw new AppError('NOT_FOUND', 'No such station.');
  return stationId;
}
