import type { StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { KEPT_PAYMENT_STATUSES, netPaidSql } from '../payments/net-paid';
import { analyticsScope } from './analytics-scope';
import {
  ZCustomerAnalytics,
  type CustomerAnalytics,
  type TAnalyticsQuery,
} from './analytics.schema';

/** How many of one customer's bookings and payments the lookup lists (newest first). */
const HISTORY_LISTED = 100;

/**
 * Customer analytics for a range of local event dates, in one statement: who booked in the
 * range (lapsed holds left out), whether their first booking in scope falls in it (new) or
 * before it (returning), how many have booked more than once, the top 10 of them by lifetime
 * value (net paid, in scope), and with `email` one customer's history. "In scope" is the
 * caller's station, or every station for a super admin without one.
 */
export async function getCustomerAnalytics(options: {
  scope: StaffScope;
  query: unknown;
}): Promise<CustomerAnalytics> {
  const { query, stationId } = await analyticsScope(options.scope, options.query);
  const email = query.email ?? null;
  const [row] = await getDb().$queryRaw<[{ result: unknown }]>(
    customerAnalyticsSql(query, stationId),
  );
  const result = row.result as Record<string, unknown>;
  return ZCustomerAnalytics.parse({
    ...result,
    customer: email ? result.customer : undefined,
    from: query.from,
    to: query.to,
  });
}

/** The statement, also EXPLAINed by the plan test. */
export function customerAnalyticsSql(query: TAnalyticsQuery, stationId: string | null): Prisma.Sql {
  const email = query.email ?? null;
  // The lookup's parts are planned only when an e-mail is asked for.
  const lookup = email
    ? Prisma.sql`,
    who AS (
      SELECT id, email, name FROM "Customer" WHERE email = ${email}),
    history AS (
      SELECT b.id, b.reference, s.name AS station, b."eventDate", b."startTime", b.status::text AS status,
             b.adults + b.children AS party, b."totalCents", b."startsAt",
             ${netPaidSql(Prisma.sql`b.id`)} AS paid
        FROM who JOIN "Booking" b ON b."customerId" = who.id
        JOIN "Station" s ON s.id = b."stationId"
       WHERE (${stationId}::uuid IS NULL OR b."stationId" = ${stationId}::uuid)),
    history_payments AS (
      SELECT h.reference, p."createdAt", p.method::text AS method, p.status::text AS status,
             p."amountCents", p."refundedCents"
        FROM history h JOIN "Payment" p ON p."bookingId" = h.id)`
    : Prisma.empty;
  const customer = email
    ? Prisma.sql`(SELECT json_build_object(
                     'email', who.email, 'name', who.name,
                     'lifetimeValueCents', (SELECT COALESCE(sum(paid), 0) FROM history),
                     'bookings', (SELECT COALESCE(json_agg(json_build_object(
                        'id', id, 'reference', reference, 'station', station,
                        'date', to_char("eventDate", 'YYYY-MM-DD'), 'time', "startTime",
                        'status', status, 'partySize', party, 'totalCents', "totalCents", 'paidCents', paid)
                        ORDER BY "startsAt" DESC), '[]')
                        FROM (SELECT * FROM history ORDER BY "startsAt" DESC LIMIT ${HISTORY_LISTED}) listed),
                     'payments', (SELECT COALESCE(json_agg(json_build_object(
                        'reference', reference, 'at', "createdAt", 'method', method, 'status', status,
                        'amountCents', "amountCents", 'refundedCents', "refundedCents")
                        ORDER BY "createdAt" DESC), '[]')
                        FROM (SELECT * FROM history_payments ORDER BY "createdAt" DESC LIMIT ${HISTORY_LISTED}) listed))
                   FROM who)`
    : Prisma.sql`NULL`;
  return Prisma.sql`
    WITH seen AS (
      SELECT DISTINCT b."customerId"
        FROM "Booking" b
       WHERE b."eventDate" BETWEEN ${query.from}::date AND ${query.to}::date
         AND b.status <> 'EXPIRED'
         AND (${stationId}::uuid IS NULL OR b."stationId" = ${stationId}::uuid)),
    lifetime AS (
      SELECT b."customerId", min(b."eventDate") AS first, max(b."eventDate") AS last, count(*) AS bookings
        FROM "Booking" b
       WHERE b."customerId" IN (SELECT "customerId" FROM seen)
         AND b.status <> 'EXPIRED'
         AND (${stationId}::uuid IS NULL OR b."stationId" = ${stationId}::uuid)
       GROUP BY b."customerId"),
    paid AS (
      SELECT b."customerId", sum(p."amountCents" - p."refundedCents") AS value
        FROM "Booking" b JOIN "Payment" p ON p."bookingId" = b.id
       WHERE b."customerId" IN (SELECT "customerId" FROM seen)
         AND p.status IN ${KEPT_PAYMENT_STATUSES}
         AND b.status <> 'EXPIRED'
         AND (${stationId}::uuid IS NULL OR b."stationId" = ${stationId}::uuid)
       GROUP BY b."customerId"),
    valued AS (
      SELECT l."customerId", l.bookings, l.last, COALESCE(paid.value, 0) AS value
        FROM lifetime l LEFT JOIN paid ON paid."customerId" = l."customerId"),
    -- Names and e-mails are read only for the customers worth at least the tenth value
    -- (ties at the cut included, so ordering by e-mail among them stays exact).
    top AS (
      SELECT c.email, c.name, v.bookings, v.value, v.last
        FROM valued v JOIN "Customer" c ON c.id = v."customerId"
       WHERE v.value >= COALESCE((SELECT value FROM valued ORDER BY value DESC OFFSET 9 LIMIT 1), 0)
       ORDER BY v.value DESC, c.email
       LIMIT 10)${lookup}
    SELECT json_build_object(
      'customers', (SELECT count(*) FROM lifetime),
      'newCustomers', (SELECT count(*) FROM lifetime WHERE first >= ${query.from}::date),
      'returningCustomers', (SELECT count(*) FROM lifetime WHERE first < ${query.from}::date),
      'repeatRate', (SELECT round(count(*) FILTER (WHERE bookings > 1)::numeric / NULLIF(count(*), 0), 4)
                       FROM lifetime),
      'topCustomers', (SELECT COALESCE(json_agg(json_build_object(
                         'email', email, 'name', name, 'bookings', bookings,
                         'lifetimeValueCents', value, 'lastEventDate', to_char(last, 'YYYY-MM-DD'))
                         ORDER BY value DESC, email), '[]') FROM top),
      'customer', ${customer}
    ) AS result`;
}
