import { getDb } from '../db/client';
import type { StaffScope } from './staff-scope';

export type StaffStation = {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  /** Open to customers (a closed one is still prepared and read by staff). */
  active: boolean;
};

/** The stations a staff member can look at: every one (open or closed) for a super admin, else their own. */
export async function listStationsForStaff(scope: StaffScope): Promise<StaffStation[]> {
  return getDb().station.findMany({
    where:
      scope.role === 'SUPER_ADMIN' ? {} : { id: { in: scope.stationId ? [scope.stationId] : [] } },
    select: { id: true, slug: true, name: true, timezone: true, active: true },
    orderBy: { name: 'asc' },
  });
}
