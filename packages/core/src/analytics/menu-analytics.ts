import type { StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { analyticsScope, stationInRows, type AnalyticsRows } from './analytics-scope';
import { ZMenuAnalytics, type MenuAnalytics, type TAnalyticsQuery } from './analytics.schema';

/**
 * Menu uptake for a range of local event dates, in one statement: for the confirmed and
 * completed events (the ones cooked for), each item's portions, the events that had it and
 * the revenue its lines brought, at the prices the bookings were quoted; the average spend
 * per guest over the events' whole prices. Scoped like every figure: one station, or every
 * station of one currency (never two currencies in one sum).
 */
export async function getMenuAnalytics(options: {
  scope: StaffScope;
  query: unknown;
}): Promise<MenuAnalytics> {
  const { query, rows, currency, locale, currencies } = await analyticsScope(
    options.scope,
    options.query,
  );
  const [row] = await getDb().$queryRaw<[{ result: unknown }]>(menuAnalyticsSql(query, rows));
  return ZMenuAnalytics.parse({
    ...(row.result as object),
    from: query.from,
    to: query.to,
    currency,
    locale,
    currencies,
  });
}

/** The statement, also EXPLAINed by the plan test. */
export function menuAnalyticsSql(query: TAnalyticsQuery, rows: AnalyticsRows): Prisma.Sql {
  return Prisma.sql`
    WITH events AS (
      SELECT b.id, b."totalCents", b.adults + b.children AS guests, b.adults,
             s."proteinsPerAdult"
        FROM "Booking" b
        JOIN "Station" s ON s.id = b."stationId"
       WHERE b."eventDate" BETWEEN ${query.from}::date AND ${query.to}::date
         AND b.status IN ('CONFIRMED', 'COMPLETED')
         AND ${stationInRows(Prisma.sql`b."stationId"`, rows)}),
    -- The events' own lines by the (bookingId, itemId) key: a range of one station reads its
    -- events' lines, not the whole table.
    lines AS (
      SELECT l."bookingId", l.kind, l."itemId", l.quantity, l.quantity * l."unitPriceCents" AS revenue
        FROM "BookingMenuLine" l
       WHERE l."bookingId" = ANY (ARRAY(SELECT id FROM events))),
    items AS (
      SELECT m.name, lines.kind, sum(lines.quantity) AS quantity,
             count(DISTINCT lines."bookingId") AS bookings, sum(lines.revenue) AS revenue
        FROM lines JOIN "MenuItem" m ON m.id = lines."itemId"
       GROUP BY m.name, lines.kind),
    chosen AS (
      SELECT "bookingId", sum(quantity) AS proteins
        FROM lines WHERE kind IN ('PROTEIN', 'UPGRADE') GROUP BY "bookingId"),
    totals AS (
      SELECT count(*) AS bookings, COALESCE(sum(guests), 0) AS guests,
             COALESCE(sum("totalCents"), 0) AS spend,
             count(*) FILTER (WHERE chosen.proteins IS NULL AND events."proteinsPerAdult" > 0) AS undecided
        FROM events LEFT JOIN chosen ON chosen."bookingId" = events.id)
    SELECT json_build_object(
      'bookings', totals.bookings,
      'guests', totals.guests,
      'averageSpendPerGuestCents', round(totals.spend::numeric / NULLIF(totals.guests, 0))::int,
      'menuRevenueCents', (SELECT COALESCE(sum(revenue), 0) FROM items),
      'undecidedBookings', totals.undecided,
      'items', COALESCE((
        SELECT json_agg(json_build_object(
                 'name', name, 'kind', kind, 'quantity', quantity, 'bookings', items.bookings,
                 'uptake', items.bookings::float / NULLIF(totals.bookings, 0),
                 'revenueCents', revenue)
               ORDER BY array_position(ARRAY['PROTEIN', 'UPGRADE', 'EXTRA', 'ADDON', 'KIDS']::"MenuItemKind"[], kind),
                        quantity DESC, name)
          FROM items), '[]'::json)) AS result
      FROM totals`;
}
