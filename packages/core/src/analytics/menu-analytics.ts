import type { StaffScope } from '../auth/staff-scope';
import { Prisma } from '../generated/prisma/client';
import { addDays } from '../time';
import { scopedFigures, stationInRows, type AnalyticsRows } from './analytics-scope';
import { ZMenuAnalytics, type MenuAnalytics, type TAnalyticsQuery } from './analytics.schema';

/**
 * Menu uptake for a range of local event dates, in one statement over the rollups: for the
 * confirmed and completed events (the ones cooked for), each item's portions, the events that
 * had it and the revenue its lines brought, at the prices the bookings were quoted; the
 * average spend per guest over the events' whole prices. Scoped like every figure: one station, or every
 * station of one currency (never two currencies in one sum).
 */
export async function getMenuAnalytics(options: {
  scope: StaffScope;
  query: unknown;
}): Promise<MenuAnalytics> {
  return scopedFigures(options, menuAnalyticsSql, ZMenuAnalytics);
}

/**
 * The statement, also EXPLAINed by the plan test. It reads the rollups the triggers keep in
 * the same transaction as every booking and menu write (a test checks they equal the
 * bookings): `MenuItemMonth` for the range's whole months and `MenuItemDay` for the days
 * before and after them, `MenuDay` for the events with proteins chosen, `BookingDay` for the
 * events, guests and spend.
 */
export function menuAnalyticsSql(query: TAnalyticsQuery, rows: AnalyticsRows): Prisma.Sql {
  const parts = rangeInMonths(query);
  const inStations = (table: Prisma.Sql) => stationInRows(Prisma.sql`${table}."stationId"`, rows);
  const inRange = (table: Prisma.Sql) => Prisma.sql`
    ${table}.day BETWEEN ${query.from}::date AND ${query.to}::date AND ${inStations(table)}`;
  return Prisma.sql`
    WITH cooked AS (
      SELECT d."stationId", sum(d.confirmed + d.completed) AS bookings, sum(d.guests) AS guests,
             sum(d."revenueCents") AS spend
        FROM "BookingDay" d
       WHERE ${inRange(Prisma.sql`d`)}
       GROUP BY d."stationId"),
    decided AS (
      SELECT m."stationId", sum(m.decided) AS decided
        FROM "MenuDay" m
       WHERE ${inRange(Prisma.sql`m`)}
       GROUP BY m."stationId"),
    -- Summed per item first (a few thousand groups), named after: the whole months, then the
    -- days before the first and after the last (each an index range per station).
    per_item AS (
      SELECT part."itemId", part.kind, sum(part.quantity) AS quantity,
             sum(part.bookings) AS bookings, sum(part."revenueCents") AS revenue
        FROM (SELECT i."itemId", i.kind, i.quantity, i.bookings, i."revenueCents"
                FROM "MenuItemMonth" i
               WHERE i.month >= ${parts.monthsFrom}::date AND i.month < ${parts.monthsUntil}::date
                 AND ${inStations(Prisma.sql`i`)}
              UNION ALL
              SELECT i."itemId", i.kind, i.quantity, i.bookings, i."revenueCents"
                FROM "MenuItemDay" i
               WHERE i.day BETWEEN ${query.from}::date AND ${parts.headTo}::date
                 AND ${inStations(Prisma.sql`i`)}
              UNION ALL
              SELECT i."itemId", i.kind, i.quantity, i.bookings, i."revenueCents"
                FROM "MenuItemDay" i
               WHERE i.day BETWEEN ${parts.tailFrom}::date AND ${query.to}::date
                 AND ${inStations(Prisma.sql`i`)}) part
       GROUP BY part."itemId", part.kind
      -- (a month row whose events all went is kept at zero)
      HAVING sum(part.bookings) > 0),
    items AS (
      SELECT item.name, per_item.kind, sum(per_item.quantity) AS quantity,
             sum(per_item.bookings) AS bookings, sum(per_item.revenue) AS revenue
        FROM per_item JOIN "MenuItem" item ON item.id = per_item."itemId"
       GROUP BY item.name, per_item.kind),
    totals AS (
      SELECT COALESCE(sum(cooked.bookings), 0) AS bookings, COALESCE(sum(cooked.guests), 0) AS guests,
             COALESCE(sum(cooked.spend), 0) AS spend,
             -- (a station whose guests choose no proteins has none to decide)
             COALESCE(sum(cooked.bookings - COALESCE(decided.decided, 0))
                        FILTER (WHERE s."proteinsPerAdult" > 0), 0) AS undecided
        FROM cooked
        JOIN "Station" s ON s.id = cooked."stationId"
        LEFT JOIN decided ON decided."stationId" = cooked."stationId")
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

/**
 * A range as the rollups hold it: its whole months (first days, `monthsFrom` up to but not
 * including `monthsUntil`), and the days before them (`from`…`headTo`) and after them
 * (`tailFrom`…`to`). A range without a whole month is all head, its other parts empty.
 */
export function rangeInMonths(range: { from: string; to: string }): {
  monthsFrom: string;
  monthsUntil: string;
  headTo: string;
  tailFrom: string;
} {
  const firstOf = (date: string) => `${date.slice(0, 7)}-01`;
  // (a month's first day plus 31 days is always in the next month)
  const monthsFrom = range.from.endsWith('-01')
    ? range.from
    : firstOf(addDays(firstOf(range.from), 31));
  const monthsUntil = firstOf(addDays(range.to, 1));
  if (monthsFrom >= monthsUntil)
    return {
      monthsFrom,
      monthsUntil: monthsFrom,
      headTo: range.to,
      tailFrom: addDays(range.to, 1),
    };
  return { monthsFrom, monthsUntil, headTo: addDays(monthsFrom, -1), tailFrom: monthsUntil };
}
