import { resolveStationChoice } from '../auth/resolve-station-choice';
import { assertCan, type StaffScope } from '../auth/staff-scope';
import { parseInput } from '../validation';
import { ZAnalyticsQuery, type TAnalyticsQuery } from './analytics.schema';

/**
 * The query and the station it covers for this caller: STAFF and MANAGER their own station
 * (another one answers 404), a super admin the one named or every station (`null`).
 */
export async function analyticsScope(
  scope: StaffScope,
  input: unknown,
): Promise<{ query: TAnalyticsQuery; stationId: string | null }> {
  assertCan(scope, 'analytics.view');
  const query = parseInput(ZAnalyticsQuery, input);
  const stationId = (await resolveStationChoice(scope, query.station)) ?? null;
  return { query, stationId };
}
