import type { StaffScope } from '../auth/staff-scope';
import { Prisma } from '../generated/prisma/client';
import { scopedFigures, stationInRows, type AnalyticsRows } from './analytics-scope';
import { ZBookingKpis, type BookingKpis, type TAnalyticsQuery } from './analytics.schema';

/**
 * Booking KPIs for a range of local dates, in one statement. A booking belongs to its local
 * event date (`eventDate`, already in its station's zone: 23:30 local is that day, DST or not).
 * The figures come from the `BookingDay` rollup, so a year of every station reads tens of
 * thousands of rollup rows rather than hundreds of thousands of bookings.
 */
export async function getBookingKpis(options: {
  scope: StaffScope;
  query: unknown;
}): Promise<BookingKpis> {
  return scopedFigures(options, bookingKpisSql, ZBookingKpis);
}

/** The statement, also EXPLAINed by the plan test. */
export function bookingKpisSql(query: TAnalyticsQuery, rows: AnalyticsRows): Prisma.Sql {
  return Prisma.sql`
    WITH stations AS (
      SELECT id, timezone, "serviceStartMinute" AS "firstStart",
             "serviceEndMinute" - "serviceStartMinute" AS "windowMinutes"
        FROM "Station"
       WHERE ${stationInRows(Prisma.sql`id`, rows)}),
    -- The daily rollup (one row per station and local event date, kept by triggers in the
    -- same transaction as every booking write; a test checks it equals the bookings), summed
    -- over the stations in one pass: a row per day of the range.
    daily AS (
      SELECT day, sum(pending) AS pending, sum(confirmed) AS confirmed, sum(completed) AS completed,
             sum(cancelled) AS cancelled, sum("noShow") AS "noShow", sum(expired) AS expired,
             sum("revenueCents") AS "revenueCents", sum(guests) AS guests,
             sum("chefMinutes") AS "chefMinutes", sum("leadMinutes") AS "leadMinutes",
             sum(pending + confirmed + completed + cancelled + "noShow") AS standing
        FROM "BookingDay"
       WHERE day BETWEEN ${query.from}::date AND ${query.to}::date
         AND ${stationInRows(Prisma.sql`"stationId"`, rows)}
       GROUP BY day),
    totals AS (
      SELECT COALESCE(sum(standing), 0) AS bookings,
             COALESCE(sum("revenueCents"), 0) AS revenue,
             sum(guests)::numeric / NULLIF(sum(confirmed + completed), 0) AS party,
             COALESCE(sum(cancelled), 0) AS cancelled,
             sum(confirmed + completed + cancelled + "noShow") AS decided,
             COALESCE(sum("noShow"), 0) AS "noShow",
             sum(completed + "noShow") AS due,
             sum("leadMinutes")::numeric / NULLIF(sum(standing), 0) / 1440 AS "leadDays",
             COALESCE(sum("chefMinutes"), 0) AS "bookedMinutes",
             json_build_object(
               'PENDING_PAYMENT', COALESCE(sum(pending), 0), 'CONFIRMED', COALESCE(sum(confirmed), 0),
               'COMPLETED', COALESCE(sum(completed), 0), 'CANCELLED', COALESCE(sum(cancelled), 0),
               'NO_SHOW', COALESCE(sum("noShow"), 0), 'EXPIRED', COALESCE(sum(expired), 0)) AS "byStatus"
        FROM daily),
    -- Chef capacity: each open day's service window (closed dates left out) for every active
    -- chef, less the chefs' time off inside those windows (season: chef_time_off). Only the
    -- few chefs with time off are intersected with their station's windows.
    closed_days AS (
      SELECT "stationId", count(*) AS n FROM "StationDate"
       WHERE closed AND date BETWEEN ${query.from}::date AND ${query.to}::date
         AND ${stationInRows(Prisma.sql`"stationId"`, rows)}
       GROUP BY "stationId"),
    off_chefs AS (
      SELECT c.id, c."stationId" FROM "Chef" c
       WHERE c.active AND c.id IN (
         SELECT "chefId" FROM "ChefTimeOff"
          WHERE ${stationInRows(Prisma.sql`"stationId"`, rows)}
            -- (a day either side: the station's zone decides the exact overlap below)
            AND "startsAt" < (${query.to}::date + 2)::timestamptz
            AND "endsAt" > (${query.from}::date - 1)::timestamptz
         UNION
         SELECT "chefId" FROM "ChefWeeklyOff" WHERE ${stationInRows(Prisma.sql`"stationId"`, rows)})),
    open_windows AS (
      SELECT st.id AS "stationId",
             range_agg(tstzrange(
               (d::date + make_interval(mins => st."firstStart"))::timestamp AT TIME ZONE st.timezone,
               (d::date + make_interval(mins => st."firstStart" + st."windowMinutes"))::timestamp AT TIME ZONE st.timezone,
               '[)')) AS windows
        FROM stations st
        CROSS JOIN generate_series(${query.from}::date, ${query.to}::date, interval '1 day') d
       WHERE st.id IN (SELECT "stationId" FROM off_chefs)
         AND NOT EXISTS (SELECT 1 FROM "StationDate" sd
                          WHERE sd."stationId" = st.id AND sd.date = d::date AND sd.closed)
       GROUP BY st.id),
    away AS (
      SELECT COALESCE(sum(extract(epoch FROM upper(span) - lower(span)) / 60), 0) AS minutes
        FROM off_chefs oc
        JOIN stations st ON st.id = oc."stationId"
        JOIN open_windows w ON w."stationId" = oc."stationId"
        CROSS JOIN LATERAL unnest(
          chef_time_off(oc.id, st.timezone, lower(w.windows), upper(w.windows)) * w.windows) span),
    capacity AS (
      SELECT GREATEST(0, COALESCE(sum(stations."windowMinutes" * chefs.n
                                      * (${query.to}::date - ${query.from}::date + 1 - COALESCE(cd.n, 0))), 0)
                          - (SELECT minutes FROM away)) AS minutes
        FROM stations
        LEFT JOIN closed_days cd ON cd."stationId" = stations.id
        CROSS JOIN LATERAL (
          SELECT count(*) AS n FROM "Chef" c WHERE c."stationId" = stations.id AND c.active) chefs),
    days AS (
      SELECT day::date AS day
        FROM generate_series(${query.from}::date, ${query.to}::date, interval '1 day') day),
    per_day AS (
      SELECT days.day, COALESCE(daily.standing, 0) AS bookings,
             COALESCE(daily."revenueCents", 0) AS revenue
        FROM days LEFT JOIN daily ON daily.day = days.day)
    SELECT json_build_object(
      'byStatus', totals."byStatus",
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
