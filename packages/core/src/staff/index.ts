export { createStaff } from './create-staff';
export { listStaff } from './list-staff';
export { updateStaff } from './update-staff';
export { activateStaff } from './activate-staff';
export { deactivateStaff } from './deactivate-staff';
export { resetStaffPassword } from './reset-staff-password';
export { unlockStaff } from './unlock-staff';
export { setStaffPassword } from './set-password';
export { passwordToken, verifyPasswordToken, setPasswordUrl } from '../links/password-link';
