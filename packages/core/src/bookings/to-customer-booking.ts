import type { TCustomerBooking } from './customer-booking.schema';
import {
  bookingAddress,
  paidCents,
  refundDeadline,
  type BookingWithRelations,
} from './booking-record';

/** The customer's view: their own booking only, station-local date and time. */
export function toCustomerBooking(booking: BookingWithRelations): TCustomerBooking {
  return {
    reference: booking.reference,
    status: booking.status,
    station: {
      slug: booking.station.slug,
      name: booking.station.name,
      timezone: booking.station.timezone,
    },
    date: booking.eventDate.toISOString().slice(0, 10),
    time: booking.startTime,
    startsAt: booking.startsAt.toISOString(),
    durationMinutes: booking.durationMinutes,
    adults: booking.adults,
    children: booking.children,
    customer: { name: booking.customer.name, email: booking.customer.email },
    address: bookingAddress(booking),
    specialRequests: booking.specialRequests,
    totalCents: booking.totalCents,
    depositCents: booking.depositCents,
    paidCents: paidCents(booking),
    holdExpiresAt:
      booking.status === 'PENDING_PAYMENT' ? (booking.holdExpiresAt?.toISOString() ?? null) : null,
    cancellable:
      (booking.status === 'PENDING_PAYMENT' || booking.status === 'CONFIRMED') &&
      booking.startsAt > new Date(),
    refundDeadline: refundDeadline(booking).toISOString(),
    cancelledAt: booking.cancelledAt?.toISOString() ?? null,
  };
}
