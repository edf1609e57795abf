import type { StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { toMajorUnits } from '../money/format-money';
import { netPaidSql } from '../money/net-paid';
import { analyticsScope } from './analytics-scope';
import { csvRow } from '../http/csv';

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
  // The first export's columns, kept for the spreadsheets built on them: empty on a row in
  // another currency, whose amounts are in `total` and `paid` with their `currency`.
  'total_usd',
  'paid_usd',
  'booked_at',
  'currency',
  'total',
  'paid',
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
  currency: string;
  totalCents: number;
  paidCents: number;
  createdAt: Date;
};

/**
 * The bookings of a range (local event dates, station-scoped like the dashboard) as CSV lines,
 * amounts in major units of each row's own currency (named in its own column),
 * read a page at a time by keyset so a year of every station never sits in memory. The query
 * is checked (400/404) before the first line is produced.
 */
export async function streamBookingsCsv(options: {
  scope: StaffScope;
  query: unknown;
}): Promise<AsyncGenerator<string>> {
  // Every row names its currency, so the every-station file holds all of them.
  const { query, rows: scoped } = await analyticsScope(options.scope, options.query);
  const stationId = scoped.stationId;
  const db = getDb();
  async function* lines(): AsyncGenerator<string> {
    yield csvRow(HEADER);
    let after: { startsAt: Date; id: string } | undefined;
    for (;;) {
      const rows = await db.$queryRaw<Row[]>`
        SELECT b.id, b.reference, s.name AS station, to_char(b."eventDate", 'YYYY-MM-DD') AS "eventDate",
               b."startTime", b."startsAt", b.status::text AS status, c.name AS "customerName",
               c.email AS "customerEmail", b.adults, b.children, ch.name AS chef, b.currency,
               b."totalCents",
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
          row.currency === 'USD' ? toMajorUnits(row.totalCents, 'USD') : '',
          row.currency === 'USD' ? toMajorUnits(row.paidCents, 'USD') : '',
          row.createdAt.toISOString(),
          row.currency,
          toMajorUnits(row.totalCents, row.currency),
          toMajorUnits(row.paidCents, row.currency),
        ]);
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return;
      after = { startsAt: last.startsAt, id: last.id };
    }
  }
  return lines();
}
