import { AppError } from '../errors/app-error';

/** Who is acting in the admin app: every admin use case takes it and scopes its queries. */
export type StaffScope = {
  staffId: string;
  role: 'SUPER_ADMIN' | 'MANAGER' | 'STAFF';
  stationId: string | null;
};

/** Another station's record answers 404, exactly like a missing one (no IDOR oracle). */
export function assertStationAccess(scope: StaffScope, stationId: string): void {
  if (scope.role !== 'SUPER_ADMIN' && scope.stationId !== stationId) {
    throw new AppError('NOT_FOUND', 'No such booking.');
  }
}
