import { Prisma } from '../generated/prisma/client';
import { ACTIVE_STATUSES_SQL } from './active-statuses';

/**
 * The one SQL rule for "chef `c` is free from `from` until `until`" (event plus buffer):
 * no active booking whose [startsAt, blockedUntil) overlaps, lapsed holds not counting.
 * It mirrors the Booking_chef_no_overlap exclusion constraint, so it can use its GiST index.
 * `ignoreBookingId`: the booking being moved does not block its own new window.
 */
export function chefIsFree(
  from: Prisma.Sql,
  until: Prisma.Sql,
  ignoreBookingId?: string,
): Prisma.Sql {
  return Prisma.sql`NOT EXISTS (
    SELECT 1 FROM "Booking" b
     WHERE b."chefId" = c.id
       AND b.status IN ${ACTIVE_STATUSES_SQL}${ignoreBookingId ? Prisma.sql` AND b.id <> ${ignoreBookingId}::uuid` : Prisma.empty}
       AND NOT (b.status = 'PENDING_PAYMENT' AND b."holdExpiresAt" <= now())
       AND tstzrange(b."startsAt", b."blockedUntil", '[)') && tstzrange(${from}, ${until}, '[)'))`;
}
