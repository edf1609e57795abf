import type { StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { analyticsScope } from './analytics-scope';
import { ZBookingKpis, type BookingKpis, type TAnalyticsQuery } from './analytics.schema';

/**
 * Booking KPIs for a range of local dates, in one statement. A booking belongs to its local
 * event date (`eventDate`, already in its station's zone: 23:30 local is that day, DST or not),
 * so the range is a plain date range on the (stationId, eventDate) index.
 */
export async function getBookingKpis(options: {
  scope: StaffScope;
  query: unknown;
}): Promise<BookingKpis> {
  const { query, stationId } = await analyticsScope(options.scope, options.query);
  const [row] = await getDb().$queryRaw<[{ result: unknown }]>(bookingKpisSql(query, stationId));
  const result = row.result as Record<string, unknown> & { byStatus: Record<string, number> };
  return ZBookingKpis.parse({
    ...result,
    from: query.from,
    to: query.to,
    byStatus: { ...ZERO_BY_STATUS, ...result.byStatus },
  });
}

const ZERO_BY_STATUS = {
  PENDING_PAYMENT: 0,
  CONFIRMED: 0,
  COMPLETED: 0,
  CANCELLED: 0,
  NO_SHOW: 0,
  EXPIRED: 0,
};

/** The statement, also EXPLAINed by the plan test. */
export function bookingKpisSql(query: TAnalyticsQuery, stationId: string | null): Prisma.Sql {
  return Prisma.sql`
    WITH st AS (
      SELECT id, "serviceEndMinute" - "serviceStartMinute" AS "windowMinutes"
        FROM "Station"
       WHERE (${stationId}::uuid IS NULL OR id = ${stationId}::uuid)),
    b AS (
      SELECT b.status::text AS status, b."eventDate", b."totalCents", b.adults + b.children AS party,
             b."durationMinutes", b."startsAt" - b."createdAt" AS lead
        FROM "Booking" b JOIN st ON st.id = b."stationId"
       WHERE b."eventDate" BETWEEN ${query.from}::date AND ${query.to}::date),
    totals AS (
      SELECT count(*) FILTER (WHERE status <> 'EXPIRED') AS bookings,
             COALESCE(sum("totalCents") FILTER (WHERE status IN ('CONFIRMED', 'COMPLETED')), 0) AS revenue,
             avg(party) FILTER (WHERE status IN ('CONFIRMED', 'COMPLETED')) AS party,
             count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled,
             count(*) FILTER (WHERE status IN ('CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW')) AS decided,
             count(*) FILTER (WHERE status = 'NO_SHOW') AS "noShow",
             count(*) FILTER (WHERE status IN ('COMPLETED', 'NO_SHOW')) AS due,
             extract(epoch FROM avg(lead) FILTER (WHERE status <> 'EXPIRED')) / 86400 AS "leadDays",
             COALESCE(sum("durationMinutes") FILTER (WHERE status IN ('CONFIRMED', 'COMPLETED')), 0) AS "bookedMinutes"
        FROM b),
    capacity AS (
      SELECT COALESCE(sum(st."windowMinutes" * chefs.n), 0)
               * (${query.to}::date - ${query.from}::date + 1) AS minutes
        FROM st CROSS JOIN LATERAL (
          SELECT count(*) AS n FROM "Chef" c WHERE c."stationId" = st.id AND c.active) chefs),
    statuses AS (
      SELECT status, count(*) AS n FROM b GROUP BY status),
    days AS (
      SELECT day::date AS day
        FROM generate_series(${query.from}::date, ${query.to}::date, interval '1 day') day),
    per_day AS (
      SELECT days.day,
             count(b.status) FILTER (WHERE b.status <> 'EXPIRED') AS bookings,
             COALESCE(sum(b."totalCents") FILTER (WHERE b.status IN ('CONFIRMED', 'COMPLETED')), 0) AS revenue
        FROM days LEFT JOIN b ON b."eventDate" = days.day
       GROUP BY days.day)
    SELECT json_build_object(
      'byStatus', (SELECT COALESCE(json_object_agg(status, n), '{}') FROM statuses),
      'bookings', totals.bookings,
      'confirmedRevenueCents', totals.revenue,
      'averagePartySize', round(totals.party, 2),
      'cancellationRate', round(totals.cancelled::numeric / NULLIF(totals.decided, 0), 4),
      'noShowRate', round(totals."noShow"::numeric / NULLIF(totals.due, 0), 4),
      'averageLeadDays', round(totals."leadDays", 1),
      'chefUtilisation', round(totals."bookedMinutes"::numeric / NULLIF(capacity.minutes, 0), 4),
      'bookedChefHours', round(totals."bookedMinutes" / 60.0, 1),
      'availableChefHours', round(capacity.minutes / 60.0, 1),
      'perDay', (SELECT json_agg(json_build_object(
                   'date', to_char(day, 'YYYY-MM-DD'), 'bookings', bookings, 'revenueCents', revenue)
                   ORDER BY day) FROM per_day)
    ) AS result
      FROM totals, capacity`;
}
