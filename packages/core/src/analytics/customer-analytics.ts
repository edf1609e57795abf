import type { StaffScope } from '../auth/staff-scope';
import { emailIndex } from '../crypto/customer-fields';
import { getDb } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { netPaidSql } from '../money/net-paid';
import { analyticsScope, stationInRows, type AnalyticsRows } from './analytics-scope';
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
  const { query, rows, currency, locale, currencies } = await analyticsScope(
    options.scope,
    options.query,
  );
  const email = query.email ?? null;
  const [row] = await getDb().$queryRaw<[{ result: unknown }]>(
    customerAnalyticsSql(query, rows, currency),
  );
  const result = row.result as Record<string, unknown>;
  return ZCustomerAnalytics.parse({
    ...result,
    topCustomers: topTen(result.topCustomers as TopCustomerOrder[]),
    customer: email ? result.customer : undefined,
    from: query.from,
    to: query.to,
    currency,
    locale,
    currencies,
  });
}

/** Most valuable first, then more events, then the latest, then by e-mail; ten at most. */
function topTen<T extends TopCustomerOrder>(rows: T[]): T[] {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows]
    .sort(
      (a, b) =>
        b.lifetimeValueCents - a.lifetimeValueCents ||
        b.bookings - a.bookings ||
        byText(b.lastEventDate ?? '', a.lastEventDate ?? '') ||
        byText(a.email, b.email),
    )
    .slice(0, 10);
}

type TopCustomerOrder = {
  email: string;
  lifetimeValueCents: number;
  bookings: number;
  lastEventDate: string | null;
};

/** The statement, also EXPLAINed by the plan test. */
export function customerAnalyticsSql(
  query: TAnalyticsQuery,
  rows: AnalyticsRows,
  currency: string,
): Prisma.Sql {
  const { stationId } = rows;
  const email = query.email ?? null;
  // The lookup's parts are planned only when an e-mail is asked for.
  const lookup = email
    ? Prisma.sql`,
    who AS (
      SELECT id, email, name FROM "Customer" WHERE "emailHash" = ${emailIndex(email)}),
    history AS (
      SELECT b.id, b.reference, s.name AS station, b."eventDate", b."startTime", b.status::text AS status,
             b.adults + b.children AS party, b."totalCents", b."startsAt",
             ${netPaidSql(Prisma.sql`b.id`)} AS paid
        FROM who JOIN "Booking" b ON b."customerId" = who.id
        JOIN "Station" s ON s.id = b."stationId"
       WHERE b.currency = ${currency}::text AND ${stationInRows(Prisma.sql`b."stationId"`, rows)}),
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
    WITH ${stationId ? oneStationValued(query, stationId) : everyStationValued(query, currency)},
    -- One pass for the counts.
    stats AS (
      SELECT count(*) AS customers,
             count(*) FILTER (WHERE first >= ${query.from}::date) AS "newCustomers",
             count(*) FILTER (WHERE first < ${query.from}::date) AS "returningCustomers",
             round(count(*) FILTER (WHERE bookings > 1)::numeric / NULLIF(count(*), 0), 4) AS "repeatRate"
        FROM valued),
    -- The ten most valuable, ties by more events, then the latest; with every tie left at the
    -- cut: e-mails are sealed, so those are ordered by e-mail (and cut to ten) once they are
    -- opened (topTen). Only that last tie is opened beyond the ten.
    top AS (
      SELECT c.email, c.name, v.bookings, v.value, v.last
        FROM (SELECT * FROM valued
               ORDER BY value DESC, bookings DESC, last DESC FETCH FIRST 10 ROWS WITH TIES) v
        JOIN "Customer" c ON c.id = v."customerId")${lookup}
    SELECT json_build_object(
      'customers', stats.customers,
      'newCustomers', stats."newCustomers",
      'returningCustomers', stats."returningCustomers",
      'repeatRate', stats."repeatRate",
      'topCustomers', (SELECT COALESCE(json_agg(json_build_object(
                         'email', email, 'name', name, 'bookings', bookings,
                         'lifetimeValueCents', value, 'lastEventDate', to_char(last, 'YYYY-MM-DD'))
                         ORDER BY value DESC, bookings DESC, last DESC), '[]') FROM top),
      'customer', ${customer}
    ) AS result
      FROM stats`;
}

/**
 * `valued` for one station: who booked there in the range (lapsed holds left out), with their
 * first and last event there, how many bookings and the net paid for them from the
 * `CustomerStation` rollup (recomputed with CustomerTotal; a test checks it equals the live
 * figures).
 */
function oneStationValued(query: TAnalyticsQuery, stationId: string): Prisma.Sql {
  return Prisma.sql`
    seen AS (
      SELECT DISTINCT b."customerId"
        FROM "Booking" b
       WHERE b."eventDate" BETWEEN ${query.from}::date AND ${query.to}::date
         AND b.status <> 'EXPIRED'
         AND b."stationId" = ${stationId}::uuid),
    valued AS (
      SELECT cs."customerId", cs."firstDate" AS first, cs."lastDate" AS last, cs.bookings,
             cs."valueCents" AS value
        FROM seen JOIN "CustomerStation" cs
          ON cs."customerId" = seen."customerId" AND cs."stationId" = ${stationId}::uuid)`;
}

/**
 * `valued` across every station, from the `CustomerTotal` rollup (first and last event, every
 * event date, count and net paid per customer; recomputed by triggers on every booking and
 * payment write, a test checks it equals the live figures). A customer booked in the range if
 * the first or last event falls inside it, or, for a span enclosing the range, one of the
 * event dates does: every answer comes from the customer's own row.
 */
function everyStationValued(query: TAnalyticsQuery, currency: string): Prisma.Sql {
  return Prisma.sql`
    valued AS NOT MATERIALIZED (
      SELECT t."customerId", t."firstDate" AS first, t."lastDate" AS last, t.bookings, t."valueCents" AS value
        FROM "CustomerTotal" t
       WHERE t.currency = ${currency}::text
         AND t."firstDate" <= ${query.to}::date AND t."lastDate" >= ${query.from}::date
         AND (t."firstDate" >= ${query.from}::date OR t."lastDate" <= ${query.to}::date
              OR EXISTS (SELECT 1 FROM unnest(t."eventDates") AS event(day)
                          WHERE event.day BETWEEN ${query.from}::date AND ${query.to}::date)))`;
}
