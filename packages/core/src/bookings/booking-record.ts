import type { Prisma } from '../generated/prisma/client';
import { netPaidCents } from '../money/net-paid';

/** A booking as the customer-facing and cancellation use cases load it. */
export const bookingInclude = {
  station: true,
  customer: true,
  payments: true,
} satisfies Prisma.BookingInclude;
export type BookingWithRelations = Prisma.BookingGetPayload<{ include: typeof bookingInclude }>;

/** When a booking is, as the APIs answer it: station-local date and time, and instants. */
export type BookingTimes = {
  date: string;
  time: string;
  durationMinutes: number;
  startsAt: string;
  endsAt: string;
};

/** The event address of a booking row, as the APIs answer it. */
export function bookingAddress(booking: {
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  postalCode: string;
}) {
  return {
    line1: booking.addressLine1,
    line2: booking.addressLine2,
    city: booking.city,
    postalCode: booking.postalCode,
  };
}

/** What the customer has paid, net of refunds. */
export function paidCents(booking: BookingWithRelations): number {
  return netPaidCents(booking.payments);
}

/** The last instant a cancellation still gets the deposit back (the station's notice). */
export function refundDeadline(booking: BookingWithRelations): Date {
  return new Date(booking.startsAt.getTime() - booking.station.cancellationNoticeHours * 3_600_000);
}
