import type { StaffScope } from '../auth/staff-scope';
import { assertCan } from '../auth/staff-scope';
import { resolveStationChoice } from '../auth/resolve-station-choice';
import { getDb } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import { balanceDue } from '../money/balance-due';
import { netPaidCents } from '../money/net-paid';
import { parseInput } from '../validation';
import { emailIndex, phoneIndex } from '../crypto/customer-fields';
import { afterCursor, decodeCursor, encodeCursor } from '../platform/keyset-cursor';
import {
  ZListStaffBookingsQuery,
  type TStaffBookingPage,
  type TStaffBookingRow,
} from './staff-bookings.schema';
import { toDbDate, toLocalDate } from '../time';

export type StaffBookingRow = TStaffBookingRow;

export type StaffBookingPage = TStaffBookingPage;

/**
 * `GET /api/admin/bookings`: the caller's station's bookings (a super admin: any or every
 * station), newest event first, filtered by status, local event dates, chef and a search
 * (`q`: a reference or its start, or a customer's whole e-mail or phone). Keyset pagination on (startsAt, id),
 * so pages stay exact while bookings are added between them.
 */
export async function listStaffBookings(options: {
  scope: StaffScope;
  query: unknown;
}): Promise<StaffBookingPage> {
  assertCan(options.scope, 'bookings.view');
  const query = parseInput(ZListStaffBookingsQuery, options.query);
  const stationId = await resolveStationChoice(options.scope, query.station);
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;

  const conditions: Prisma.BookingWhereInput[] = [];
  if (stationId) conditions.push({ stationId });
  if (query.status) conditions.push({ status: { in: query.status } });
  if (query.from) conditions.push({ eventDate: { gte: toDbDate(query.from) } });
  if (query.to) conditions.push({ eventDate: { lte: toDbDate(query.to) } });
  if (query.chef) conditions.push({ chefId: query.chef });
  if (query.q) conditions.push({ OR: searchConditions(query.q) });
  if (cursor) conditions.push(afterCursor('startsAt', cursor));

  const rows = await getDb().booking.findMany({
    where: { AND: conditions },
    orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: {
      station: { select: { slug: true, name: true, timezone: true, locale: true } },
      customer: { select: { name: true, email: true } },
      chef: { select: { id: true, name: true, color: true } },
      payments: { select: { status: true, amountCents: true, refundedCents: true } },
    },
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((booking) => {
      const paidCents = netPaidCents(booking.payments);
      return {
        id: booking.id,
        reference: booking.reference,
        status: booking.status,
        version: booking.version,
        date: toLocalDate(booking.eventDate),
        time: booking.startTime,
        startsAt: booking.startsAt.toISOString(),
        durationMinutes: booking.durationMinutes,
        station: booking.station,
        currency: booking.currency,
        customer: booking.customer,
        adults: booking.adults,
        children: booking.children,
        chef: booking.chef,
        totalCents: booking.totalCents,
        paidCents,
        balanceCents: balanceDue(booking.status, booking.totalCents, paidCents),
      };
    }),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ at: last.startsAt, id: last.id }) : null,
  };
}

/**
 * A reference (or its start), or a whole e-mail or phone, found by its blind index: names,
 * e-mails and phones are sealed, so parts of them cannot be searched (the form says so).
 */
function searchConditions(q: string): Prisma.BookingWhereInput[] {
  const conditions: Prisma.BookingWhereInput[] = [
    { reference: { startsWith: q.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`) } },
  ];
  if (q.includes('@')) conditions.push({ customer: { emailHash: emailIndex(q) } });
  else if (/\d{6,}/.test(q.replace(/\D/g, '')))
    conditions.push({ customer: { phoneHash: phoneIndex(q) } });
  return conditions;
}
