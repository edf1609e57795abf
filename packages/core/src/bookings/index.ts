export { createBooking, type CreateBookingResult } from './create-booking';
export { getCustomerBooking } from './get-customer-booking';
export { cancelCustomerBooking } from './cancel-customer-booking';
export { cancelBookingAsStaff } from './cancel-booking-as-staff';
export { expireHolds } from './expire-holds';
export { parseIdempotencyKey } from './idempotency';
