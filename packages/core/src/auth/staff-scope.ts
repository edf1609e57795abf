import { AppError } from '../errors/app-error';
import { can, type StaffAction, type StaffRole } from './permissions';

/** Who is acting in the admin app: every admin use case takes it and scopes its queries. */
export type StaffScope = {
  staffId: string;
  role: StaffRole;
  stationId: string | null;
  /** The chef a CHEF account is (null or absent for the other roles). */
  chefId?: string | null;
};

/** What every staff use case is called with: who acts, and the request (for the audit trail). */
export type StaffRequest = { scope: StaffScope; requestId?: string };

/** 403 for an action the role may not take (checked before anything is read: no oracle). */
export function assertCan(scope: StaffScope, action: StaffAction): void {
  if (!can(scope.role, action)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow this action.', {
      details: { action },
    });
  }
}

/**
 * The station a query is limited to: a MANAGER's or STAFF's own, always; a SUPER_ADMIN's
 * choice (`stationId`), or every station when undefined.
 */
export function scopedStationId(scope: StaffScope, chosen?: string): string | undefined {
  return scope.role === 'SUPER_ADMIN' ? chosen : (scope.stationId ?? undefined);
}
