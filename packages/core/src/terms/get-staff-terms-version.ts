import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { requireStationInScope } from '../stations/station-in-scope';
import { requireTermsVersion } from './require-terms-version';
import type { TTermsVersion } from './terms.schema';

/** `GET /api/admin/stations/SLUG/terms/VERSION`: any version of a station in scope. */
export async function getStaffTermsVersion(
  options: StaffRequest & { slug: string; version: unknown },
): Promise<TTermsVersion> {
  assertCan(options.scope, 'bookings.view');
  const stationId = await requireStationInScope(options.scope, options.slug);
  return requireTermsVersion({ stationId, version: options.version });
}
