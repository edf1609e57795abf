export { createBooking, type CreateBookingResult } from './create-booking';
export { createStaffBooking } from './create-staff-booking';
export { findBookingCustomer } from './find-booking-customer';
export { getCustomerBooking } from './get-customer-booking';
export { cancelCustomerBooking } from './cancel-customer-booking';
export { cancelBookingAsStaff } from './cancel-booking-as-staff';
export { expireHolds } from './expire-holds';
export { parseIdempotencyKey } from './idempotency';
export {
  listStaffBookings,
  type StaffBookingPage,
  type StaffBookingRow,
} from './list-staff-bookings';
export { getStaffBooking, type StaffBookingDetail } from './get-staff-booking';
export { markBookingOutcome } from './mark-booking-outcome';
export { updateBookingNotes } from './update-booking-notes';
export { rescheduleBooking, type RescheduledBooking } from './reschedule-booking';
export { getCalendar, type Calendar, type CalendarEvent } from './get-calendar';
export { changeBookingMenuAsStaff } from './change-booking-menu';
export { changeCustomerMenu } from './change-customer-menu';
export { getPrepSheet } from './get-prep-sheet';
export { prepSheetCsv } from './prep-sheet-csv';
export { getBookingInvite } from './get-booking-invite';
export { rescheduleCustomerBooking } from './reschedule-customer-booking';
export { type MyEvent, type MyEvents } from './my-events';
export { getMyEvents } from './get-my-events';
export { completeMyEvent } from './complete-my-event';
export { startMyEvent } from './start-my-event';
export { acceptProposal } from './accept-proposal';
export { adjustBookingPrice, type AdjustedBooking } from './adjust-booking-price';
export { sendProposal } from './send-proposal';
export { getProposalPdf } from './get-proposal-pdf';
export { getStaffProposalPdf } from './get-staff-proposal-pdf';
