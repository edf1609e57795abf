export { createStaff, listStaff, updateStaff } from './staff-accounts';
export { activateStaff, deactivateStaff, resetStaffPassword, unlockStaff } from './account-state';
export { setStaffPassword } from './set-password';
export { passwordToken, verifyPasswordToken, setPasswordUrl } from '../links/password-link';
