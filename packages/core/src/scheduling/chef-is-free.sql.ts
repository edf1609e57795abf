import { Prisma } from '../generated/prisma/client';
import { ACTIVE_STATUSES_SQL } from './active-statuses';

/**
 * The one SQL rule for "booking `b` keeps its chef busy from startsAt until blockedUntil"
 * (event plus buffer): it is active, and not a lapsed hold. It mirrors the
 * Booking_chef_no_overlap exclusion constraint (whose index it can use), except that a hold
 * past its expiry no longer counts even before the sweep marks it.
 */
export const BLOCKS_CHEF_SQL = Prisma.sql`b.status IN ${ACTIVE_STATUSES_SQL}
       AND NOT (b.status = 'PENDING_PAYMENT' AND b."holdExpiresAt" <= now())`;

/**
 * Chef `c` is free from `from` until `until`: no booking that blocks them overlaps, and they
 * are not off.
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
       AND ${BLOCKS_CHEF_SQL}${ignoreBookingId ? Prisma.sql` AND b.id <> ${ignoreBookingId}::uuid` : Prisma.empty}
       AND tstzrange(b."startsAt", b."blockedUntil", '[)') && tstzrange(${from}, ${until}, '[)'))
    AND NOT (${chefTimeOff(from, until)} && tstzrange(${from}, ${until}, '[)'))`;
}

/**
 * Chef `c`'s time off between `from` and `until` as one multirange: their entries and weekly
 * days off (whole days in the station's zone). The SQL function `chef_time_off` (migration
 * season) is also what the triggers check, so availability and the database agree.
 */
export function chefTimeOff(from: Prisma.Sql, until: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`chef_time_off(c.id, (SELECT st.timezone FROM "Station" st WHERE st.id = c."stationId"),
                                 ${from}::timestamptz, ${until}::timestamptz)`;
}

/**
 * A `busy` table for many candidate windows at once: each active chef of the station with the
 * time their blocking bookings and their time off cover between `from` and `until`, as one
 * multirange. Probing
 * 800 start times of a date picker against it costs a few range tests per chef in memory,
 * instead of an index probe per start and chef. Use as `WITH busy AS (${busyChefs(…)})`, then
 * `NOT busy.ranges && tstzrange(start, end, '[)')` means the chef is free for that window.
 * `holds_lapse_at`: when the first unpaid hold among them lapses (the answer changes then
 * without any row changing), or null.
 */
export function busyChefs(stationId: string, from: Date, until: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT c.id,
           COALESCE(range_agg(tstzrange(b."startsAt", b."blockedUntil", '[)')) FILTER (WHERE b.id IS NOT NULL),
                    '{}'::tstzmultirange)
             + ${chefTimeOff(Prisma.sql`${from}`, Prisma.sql`${until}`)} AS ranges,
           min(b."holdExpiresAt") FILTER (WHERE b.status = 'PENDING_PAYMENT') AS holds_lapse_at
      FROM "Chef" c
      LEFT JOIN "Booking" b
        ON b."chefId" = c.id AND ${BLOCKS_CHEF_SQL}
       AND tstzrange(b."startsAt", b."blockedUntil", '[)') && tstzrange(${from}::timestamptz, ${until}::timestamptz, '[)')
     WHERE c."stationId" = ${stationId}::uuid AND c.active
     GROUP BY c.id`;
}
