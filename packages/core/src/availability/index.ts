export { getAvailability, getAvailabilityDays } from './get-availability';
