import { writeStaffAudit } from '../audit/write-audit';
import type { StaffRequest } from '../auth/staff-scope';
import type { Tx } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { hasDatabaseCode } from '../errors/translate-database-error';
import { enqueueEmail } from '../notifications/enqueue-email';
import { Prisma } from '../generated/prisma/client';
import { ACTIVE_STATUSES_SQL } from '../scheduling/active-statuses';
import { chefIsFree } from '../scheduling/chef-is-free.sql';
import type { ChefBooking } from './chef.schema';

type Movable = ChefBooking & { startsAt: Date; blockedUntil: Date };

/**
 * Moves each of `chef`'s bookings (earliest first, locked by the caller) to the least busy
 * free chef of the station, in the caller's transaction, audited, the customer e-mailed. All or nothing: if any
 * booking finds no free chef, 409 CHEF_BOOKINGS_UNMOVABLE lists those and the caller's
 * transaction rolls back; the constraints have the last word against a racing booking.
 * For a chef leaving the roster and for time off over booked events.
 */
export async function reassignBookings(
  tx: Tx,
  request: StaffRequest,
  chef: { id: string; stationId: string; name: string },
  bookings: readonly Movable[],
): Promise<(ChefBooking & { chef: string })[]> {
  const listedOne = ({ id, reference, date, time }: Movable): ChefBooking => ({
    id,
    reference,
    date,
    time,
  });
  const listed = (rows: readonly Movable[]): ChefBooking[] => rows.map(listedOne);
  const moved: (ChefBooking & { chef: string })[] = [];
  const stuck: Movable[] = [];
  for (const booking of bookings) {
    const [next] = await tx.$queryRaw<{ id: string; name: string }[]>`
      SELECT c.id, c.name
        FROM "Chef" c
       WHERE c."stationId" = ${chef.stationId}::uuid AND c.active AND c.id <> ${chef.id}::uuid
         AND ${chefIsFree(Prisma.sql`${booking.startsAt}::timestamptz`, Prisma.sql`${booking.blockedUntil}::timestamptz`)}
       ORDER BY (SELECT count(*) FROM "Booking" d
                  WHERE d."chefId" = c.id AND d."eventDate" = ${booking.date}::date
                    AND d.status IN ${ACTIVE_STATUSES_SQL}),
                c.name, c.id
       LIMIT 1
         FOR KEY SHARE OF c`;
    if (!next) {
      stuck.push(booking);
      continue;
    }
    try {
      await tx.$executeRaw`
        UPDATE "Booking" SET "chefId" = ${next.id}::uuid, version = version + 1, "updatedAt" = now()
         WHERE id = ${booking.id}::uuid`;
    } catch (error) {
      if (!hasDatabaseCode(error, '23P01')) throw error;
      // A booking for the same window (or time off) landed on that chef meanwhile: nothing moves.
      throw unmovableBookingsError(chef.name, listed([booking]));
    }
    await writeStaffAudit(tx, request, {
      stationId: chef.stationId,
      entityType: 'Booking',
      entityId: booking.id,
      action: 'booking.chef_reassigned',
      before: { chefId: chef.id, chef: chef.name },
      after: { chefId: next.id, chef: next.name },
    });
    const [customer] = await tx.$queryRaw<{ email: string }[]>`
      SELECT c.email FROM "Customer" c JOIN "Booking" b ON b."customerId" = c.id
       WHERE b.id = ${booking.id}::uuid`;
    if (customer)
      await enqueueEmail(tx, {
        kind: 'BOOKING_CHEF_CHANGED',
        recipient: customer.email,
        subject: `Your chef for ${booking.reference}`,
        payload: { reference: booking.reference, chef: next.name },
        bookingId: booking.id,
        stationId: chef.stationId,
      });
    moved.push({ ...listedOne(booking), chef: next.name });
  }
  if (stuck.length > 0) throw unmovableBookingsError(chef.name, listed(stuck));
  return moved;
}

function unmovableBookingsError(chef: string, bookings: ChefBooking[]): AppError {
  return new AppError(
    'CONFLICT',
    `No other chef is free for ${bookings.length === 1 ? 'this booking' : `these ${bookings.length} bookings`} of ${chef}. Nothing was changed: move ${bookings.length === 1 ? 'it' : 'them'} first.`,
    { details: { reason: 'CHEF_BOOKINGS_UNMOVABLE', bookings } },
  );
}
