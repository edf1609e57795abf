export {
  authenticateStaff,
  LOCK_AFTER_FAILURES,
  LOCK_MINUTES,
  SIGN_IN_REFUSED,
  type AuthenticatedStaff,
} from './authenticate-staff';
export {
  getStaffSession,
  ZStaffClaims,
  type StaffSession,
  type TStaffClaims,
} from './get-staff-session';
export { signOutEverywhere } from './sign-out-everywhere';
export { assertCan, scopedStationId, type StaffScope } from './staff-scope';
export { listStationsForStaff, type StaffStation } from './list-stations-for-staff';
export { resolveStationChoice } from './resolve-station-choice';
