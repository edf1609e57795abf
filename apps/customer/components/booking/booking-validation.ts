/**
 * The API's schema for a booking, loaded on demand by the details step (`import()`), so zod
 * is not part of the booking page's first load.
 */
export { ZCreateBookingInput } from '@hibachi/core/bookings/create-booking.schema';
