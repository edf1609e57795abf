export { getAvailability } from './get-availability';
export { getAvailabilityDays } from './get-availability-days';
export { getStaffAvailability } from './get-staff-availability';
