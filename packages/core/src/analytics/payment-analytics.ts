import type { StaffScope } from '../auth/staff-scope';
import { Prisma } from '../generated/prisma/client';
import { scopedFigures, stationInRows, type AnalyticsRows } from './analytics-scope';
import { ZPaymentAnalytics, type PaymentAnalytics, type TAnalyticsQuery } from './analytics.schema';

/** How many owed refunds are listed by name (the count and sum cover all of them). */
const OWED_LISTED = 20;

/**
 * Payment analytics for a range of local dates, in one statement. A payment belongs to the
 * local date it was recorded on in its station's zone. Money that "arrived" is a payment that
 * succeeded (also if refunded since); net = arrived − refunded, the SQL twin of
 * payments/net-paid.ts. Totals, methods, months and card success come from the `PaymentDay`
 * rollup, balances due from the `BookingDue` rollup; owed refunds (a partial index) are read
 * live, and so are gratuities (kept apart from the price; a partial index).
 */
export async function getPaymentAnalytics(options: {
  scope: StaffScope;
  query: unknown;
}): Promise<PaymentAnalytics> {
  return scopedFigures(options, paymentAnalyticsSql, ZPaymentAnalytics);
}

/** The statement, also EXPLAINed by the plan test. */
export function paymentAnalyticsSql(query: TAnalyticsQuery, rows: AnalyticsRows): Prisma.Sql {
  return Prisma.sql`
    WITH stations AS (
      SELECT id, timezone FROM "Station"
       WHERE ${stationInRows(Prisma.sql`id`, rows)}),
    -- The daily rollup (station, local day recorded, method; kept by triggers in the same
    -- transaction as every payment write; a test checks it equals the payments), summed in
    -- one pass to a row per month and method.
    monthly_by_method AS (
      SELECT to_char(date_trunc('month', day), 'YYYY-MM') AS month, method::text AS method,
             sum(arrived) AS arrived, sum("amountCents") AS amount, sum("refundedCents") AS refunded,
             sum(failed) AS failed
        FROM "PaymentDay"
       WHERE day BETWEEN ${query.from}::date AND ${query.to}::date
         AND ${stationInRows(Prisma.sql`"stationId"`, rows)}
       GROUP BY date_trunc('month', day), method),
    totals AS (
      SELECT COALESCE(sum(amount), 0) AS gross,
             COALESCE(sum(refunded), 0) AS refunded,
             COALESCE(sum(arrived) FILTER (WHERE method = 'CARD'), 0) AS "cardOk",
             sum(arrived + failed) FILTER (WHERE method = 'CARD') AS "cardDone"
        FROM monthly_by_method),
    methods AS (
      SELECT m.method, COALESCE(sum(mm.arrived), 0) AS n, COALESCE(sum(mm.amount), 0) AS amount
        FROM unnest(ARRAY['CARD', 'CASH', 'CHECK']) AS m(method)
        LEFT JOIN monthly_by_method mm ON mm.method = m.method
       GROUP BY m.method),
    months AS (
      SELECT to_char(month, 'YYYY-MM') AS month
        FROM generate_series(date_trunc('month', ${query.from}::date), ${query.to}::date, interval '1 month') month),
    monthly AS (
      SELECT month, sum(amount) AS gross, sum(refunded) AS refunded
        FROM monthly_by_method GROUP BY month),
    per_month AS (
      SELECT months.month, COALESCE(monthly.gross, 0) AS gross, COALESCE(monthly.refunded, 0) AS refunded
        FROM months LEFT JOIN monthly ON monthly.month = months.month),
    owed AS (
      SELECT b.id AS "bookingId", b.reference, p.id AS "paymentId",
             p."refundRequestedCents" - p."refundedCents" AS owed,
             p.method::text AS method, p."lastRefundError" AS "lastError",
             -- Who gives it back (money/refund-settler.ts): the provider, or a person by method.
             CASE WHEN p.method = 'CARD' AND p."providerPaymentIntent" IS NOT NULL THEN 'PROVIDER'
                  WHEN p.method = 'CARD' THEN 'CARD_TERMINAL' ELSE p.method::text END AS "settledBy",
             extract(epoch FROM now() - COALESCE(b."cancelledAt", p."updatedAt")) / 86400 AS age
        FROM stations s JOIN "Payment" p ON p."stationId" = s.id AND p."refundRequestedCents" > p."refundedCents"
        -- A few owed refunds: each booking by its key (a hash join would read every booking).
        CROSS JOIN LATERAL (
          SELECT id, reference, "cancelledAt" FROM "Booking" WHERE id = p."bookingId" LIMIT 1) b),
    -- Gratuities paid online in the range (recorded on a local date of the station), less what
    -- staff gave back, per chef of the event: a partial index holds the few payments with one.
    gratuity AS (
      SELECT b."chefId", count(*) AS n, sum(p."gratuityCents" - p."gratuityRefundedCents") AS cents
        FROM stations s
        JOIN "Payment" p ON p."stationId" = s.id AND p."gratuityCents" > 0
         AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')
         AND p."createdAt" >= (${query.from}::date::timestamp AT TIME ZONE s.timezone)
         AND p."createdAt" < ((${query.to}::date + 1)::timestamp AT TIME ZONE s.timezone)
        JOIN "Booking" b ON b.id = p."bookingId"
       GROUP BY b."chefId"),
        -- Balances due: the rollup of confirmed events owing money per station-day (recomputed by
    -- triggers on every booking and payment write; a test checks it equals the live figure).
    outstanding AS (
      SELECT COALESCE(sum(bookings), 0) AS bookings, COALESCE(sum("dueCents"), 0) AS cents
        FROM "BookingDue"
       WHERE day BETWEEN ${query.from}::date AND ${query.to}::date
         AND ${stationInRows(Prisma.sql`"stationId"`, rows)})
    SELECT json_build_object(
      'grossCents', totals.gross,
      'refundedCents', totals.refunded,
      'netCents', totals.gross - totals.refunded,
      'byMethod', (SELECT json_agg(json_build_object(
                     'method', method, 'count', n, 'amountCents', amount,
                     'share', round(amount::numeric / NULLIF(totals.gross, 0), 4)) ORDER BY method) FROM methods),
      'byMonth', (SELECT json_agg(json_build_object(
                    'month', month, 'grossCents', gross, 'refundedCents', refunded,
                    'netCents', gross - refunded) ORDER BY month) FROM per_month),
      'cardSuccessRate', round(totals."cardOk"::numeric / NULLIF(totals."cardDone", 0), 4),
      'refundsOwed', json_build_object(
        'count', (SELECT count(*) FROM owed),
        'cents', (SELECT COALESCE(sum(owed), 0) FROM owed),
        'items', (SELECT COALESCE(json_agg(json_build_object(
                    'bookingId', "bookingId", 'reference', reference, 'paymentId', "paymentId",
                    'owedCents', owed, 'method', method, 'settledBy', "settledBy", 'ageDays', round(age::numeric, 1), 'lastError', "lastError")
                    ORDER BY age DESC), '[]')
                    FROM (SELECT * FROM owed ORDER BY age DESC LIMIT ${OWED_LISTED}) oldest)),
      'gratuity', json_build_object(
        'cents', (SELECT COALESCE(sum(cents), 0) FROM gratuity),
        'payments', (SELECT COALESCE(sum(n), 0) FROM gratuity),
        'byChef', (SELECT COALESCE(json_agg(json_build_object(
                     'chefId', g."chefId", 'name', c.name, 'color', c.color,
                     'payments', g.n, 'cents', g.cents) ORDER BY g.cents DESC, c.name), '[]')
                     FROM gratuity g JOIN "Chef" c ON c.id = g."chefId")),
            'outstanding', (SELECT json_build_object('bookings', bookings, 'cents', cents) FROM outstanding)
    ) AS result
      FROM totals`;
}
