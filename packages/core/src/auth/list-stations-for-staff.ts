import { getDb } from '../db/client';
import type { StaffScope } from './staff-scope';

export type StaffStation = { id: string; slug: string; name: string; timezone: string };

/** The stations a staff member can look at: every active one for a super admin, else their own. */
export async function listStationsForStaff(scope: StaffScope): Promise<StaffStation[]> {
  return getDb().station.findMany({
    where:
      scope.role === 'SUPER_ADMIN'
        ? { active: true }
        : { id: { in: scope.stationId ? [scope.stationId] : [] } },
    select: { id: true, slug: true, name: true, timezone: true },
    orderBy: { name: 'asc' },
  });
}
