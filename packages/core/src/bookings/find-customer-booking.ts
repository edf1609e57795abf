import type { Prisma } from '../generated/prisma/client';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { normalizeReference } from './booking-reference';
import type { TCustomerBooking, TCustomerProof } from './customer-booking.schema';
import { netPaidCents } from '../money/net-paid';
import { verifyManageToken } from './manage-token';

export const bookingInclude = {
  station: true,
  customer: true,
  payments: true,
} satisfies Prisma.BookingInclude;
export type BookingWithRelations = Prisma.BookingGetPayload<{ include: typeof bookingInclude }>;

type Db = Pick<Prisma.TransactionClient, 'booking'>;

const notFound = () =>
  new AppError('NOT_FOUND', 'No booking matches that reference and e-mail address.');

/** The booking if the proof matches; the same 404 for a wrong reference, e-mail or token (no oracle). */
export async function findCustomerBooking(
  reference: string,
  proof: TCustomerProof,
  db: Db = getDb(),
): Promise<BookingWithRelations> {
  const normalized = normalizeReference(reference);
  if (!normalized) throw notFound();
  const booking = await db.booking.findUnique({
    where: { reference: normalized },
    include: bookingInclude,
  });
  if (!booking) throw notFound();
  const owns =
    'email' in proof
      ? booking.customer.email === proof.email
      : verifyManageToken(booking.reference, proof.token);
  if (!owns) throw notFound();
  return booking;
}

export function paidCents(booking: BookingWithRelations): number {
  return netPaidCents(booking.payments);
}

export function refundDeadline(booking: BookingWithRelations): Date {
  return new Date(booking.startsAt.getTime() - booking.station.cancellationNoticeHours * 3_600_000);
}

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
    address: {
      line1: booking.addressLine1,
      line2: booking.addressLine2,
      city: booking.city,
      postalCode: booking.postalCode,
    },
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
