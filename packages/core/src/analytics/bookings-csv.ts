import type { StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { netPaidSql } from '../money/net-paid';
import { analyticsScope } from './analytics-scope';
import { csvRow } from './csv';

const PAGE = 1_000;

const HEADER = [
  'reference',
  'station',
  'event_date',
  'start_time',
  'status',
  'customer_name',
  'customer_email',
  'adults',
  'children',
  'chef',
  'total_usd',
  'paid_usd',
  'booked_at',
];

type Row = {
  id: string;
  reference: string;
  station: string;
  eventDate: string;
  startTime: string;
  startsAt: Date;
  status: string;
  customerName: string;
  customerEmail: string;
  adults: number;
  children: number;
  chef: string;
  totalCents: number;
  paidCents: number;
  createdAt: Date;
};

const dollars = (cents: number) => (cents / 100).toFixed(2);

/**
 * The bookings of a range (local event dates, station-scoped like the dashboard) as CSV lines,
 * read a page at a time by keyset so a year of every station never sits in memory. The query
 * is checked (400/404) before the first line is produced.
 */
export async function streamBookingsCsv(options: {
  scope: StaffScope;
  query: unknown;
}): Promise<AsyncGenerator<string>> {
  const { query, stationId } = await analyticsScope(options.scope, options.query);
  const db = getDb();
  async function* lines(): AsyncGenerator<string> {
    yield csvRow(HEADER);
    let after: { startsAt: Date; id: string } | undefined;
    for (;;) {
      const rows = await db.$queryRaw<Row[]>`
        SELECT b.id, b.reference, s.name AS station, to_char(b."eventDate", 'YYYY-MM-DD') AS "eventDate",
               b."startTime", b."startsAt", b.status::text AS status, c.name AS "customerName",
               c.email AS "customerEmail", b.adults, b.children, ch.name AS chef, b."totalCents",
               ${netPaidSql(Prisma.sql`b.id`)}::int AS "paidCents",
               b."createdAt"
          FROM "Booking" b
          JOIN "Station" s ON s.id = b."stationId"
          JOIN "Customer" c ON c.id = b."customerId"
          JOIN "Chef" ch ON ch.id = b."chefId"
         WHERE b."eventDate" BETWEEN ${query.from}::date AND ${query.to}::date
           AND (${stationId}::uuid IS NULL OR b."stationId" = ${stationId}::uuid)
           AND (${after?.startsAt ?? null}::timestamptz IS NULL
                OR (b."startsAt", b.id) > (${after?.startsAt ?? null}::timestamptz, ${after?.id ?? null}::uuid))
         ORDER BY b."startsAt", b.id
         LIMIT ${PAGE}`;
      for (const row of rows)
        yield csvRow([
          row.reference,
          row.station,
          row.eventDate,
          row.startTime,
          row.status,
          row.customerName,
          row.customerEmail,
          row.adults,
          row.children,
          row.chef,
          dollars(row.totalCents),
          dollars(row.paidCents),
          row.createdAt.toISOString(),
        ]);
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return;
      after = { startsAt: last.startsAt, id: last.id };
    }
  }
  return lines();
}
