export {
  activateStaff,
  createStaff,
  deactivateStaff,
  listStaff,
  resetStaffPassword,
  unlockStaff,
  updateStaff,
} from './staff-accounts';
export { setStaffPassword } from './set-password';
export { passwordToken, verifyPasswordToken, setPasswordUrl } from '../links/password-link';
