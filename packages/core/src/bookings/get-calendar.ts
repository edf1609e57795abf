import { assertCan, type StaffScope } from '../auth/staff-scope';
import { resolveStationChoice } from '../auth/resolve-station-choice';
import { getDb } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { netPaidSql } from '../money/net-paid';
import { AppError } from '../errors/app-error';
import { addDays, localToInstant } from '../time';
import { parseInput } from '../validation';
import { ZCalendarQuery, type TCalendar, type TCalendarEvent } from './calendar.schema';
import { balanceDue } from '../money/balance-due';

export type CalendarEvent = TCalendarEvent;
export type Calendar = TCalendar;

type EventRow = Omit<CalendarEvent, 'chef' | 'startsAt' | 'endsAt' | 'balanceCents'> & {
  startsAt: Date;
  endsAt: Date;
  chefId: string;
  chefName: string;
  paidCents: number;
};

/**
 * `GET /api/admin/calendar`: one station's bookings between two local dates (its time
 * zone, service hours and chefs with their colours), for the calendar. Held bookings whose
 * hold has lapsed and cancelled or expired ones are left out. Station-scoped: a super
 * admin without `station` gets the first station by name.
 */
export async function getCalendar(options: {
  scope: StaffScope;
  query: unknown;
}): Promise<Calendar> {
  assertCan(options.scope, 'bookings.view');
  const query = parseInput(ZCalendarQuery, options.query);
  const db = getDb();
  const chosen = await resolveStationChoice(options.scope, query.station);
  const station = await db.station.findFirst({
    where: chosen ? { id: chosen } : { active: true },
    orderBy: { name: 'asc' },
  });
  if (!station) throw new AppError('NOT_FOUND', 'No such station.');
  // Local midnight to local midnight, as instants, so the (stationId, startsAt) index serves the range.
  const from =
    localToInstant({ date: query.from, time: '00:00' }, station.timezone) ??
    new Date(`${query.from}T00:00:00Z`);
  const until =
    localToInstant({ date: addDays(query.to, 1), time: '00:00' }, station.timezone) ??
    new Date(`${addDays(query.to, 1)}T00:00:00Z`);

  const [rows, chefs] = await Promise.all([
    db.$queryRaw<EventRow[]>`
      SELECT b.id, b.reference, b.status::text AS status, b.version,
             to_char(b."eventDate", 'YYYY-MM-DD') AS date, b."startTime" AS time,
             b."durationMinutes", b."startsAt", b."endsAt", b."totalCents",
             b.adults + b.children AS "partySize", cu.name AS "customerName",
             b."chefId", ch.name AS "chefName",
             ${netPaidSql(Prisma.sql`b.id`)}::int AS "paidCents"
        FROM "Booking" b
        JOIN "Customer" cu ON cu.id = b."customerId"
        JOIN "Chef" ch ON ch.id = b."chefId"
       WHERE b."stationId" = ${station.id}::uuid
         AND b."startsAt" >= ${from} AND b."startsAt" < ${until}
         AND (b.status IN ('CONFIRMED', 'COMPLETED', 'NO_SHOW')
              OR (b.status = 'PENDING_PAYMENT' AND b."holdExpiresAt" > now()))
       ORDER BY b."startsAt", b.id`,
    db.chef.findMany({
      where: { stationId: station.id },
      select: { id: true, name: true, color: true, active: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  const withEvents = new Set(rows.map((row) => row.chefId));
  return {
    station: {
      slug: station.slug,
      name: station.name,
      timezone: station.timezone,
      serviceStartMinute: station.serviceStartMinute,
      serviceEndMinute: station.serviceEndMinute,
      bufferMinutes: station.bufferMinutes,
      currency: station.currency,
      locale: station.locale,
    },
    from: query.from,
    to: query.to,
    chefs: chefs.filter((chef) => chef.active || withEvents.has(chef.id)),
    events: rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      title: `${row.customerName} · ${row.partySize}`,
      customerName: row.customerName,
      partySize: row.partySize,
      status: row.status,
      version: row.version,
      date: row.date,
      time: row.time,
      durationMinutes: row.durationMinutes,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      chef: { id: row.chefId, name: row.chefName },
      totalCents: row.totalCents,
      balanceCents: balanceDue(row.status, row.totalCents, row.paidCents),
    })),
  };
}
