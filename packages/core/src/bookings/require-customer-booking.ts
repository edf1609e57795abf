import type { Prisma } from '../generated/prisma/client';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { normalizeReference } from './booking-reference';
import type { TCustomerProof } from './customer-booking.schema';
import { bookingInclude, type BookingWithRelations } from './booking-record';
import { verifyManageToken } from '../links/booking-link';
import { emailIndex } from '../crypto/customer-fields';

type Db = Pick<Prisma.TransactionClient, 'booking'>;

const bookingNotFoundError = () =>
  new AppError('NOT_FOUND', 'No booking matches that reference and e-mail address.');

/** The booking if the proof matches; the same 404 for a wrong reference, e-mail or token (no oracle). */
export async function requireCustomerBooking(
  reference: string,
  proof: TCustomerProof,
  db: Db = getDb(),
): Promise<BookingWithRelations> {
  const normalized = normalizeReference(reference);
  if (!normalized) throw bookingNotFoundError();
  const booking = await db.booking.findUnique({
    where: { reference: normalized },
    include: bookingInclude,
  });
  if (!booking) throw bookingNotFoundError();
  const owns =
    'email' in proof
      ? booking.customer.emailHash === emailIndex(proof.email)
      : verifyManageToken(booking.reference, proof.token);
  if (!owns) throw bookingNotFoundError();
  return booking;
}
