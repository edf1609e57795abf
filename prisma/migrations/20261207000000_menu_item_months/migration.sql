-- Menu analytics over every station and a year read months, not days (decision 27): summing
-- a year of "MenuItemDay" meant ~800,000 rows at 500,000 bookings (133 ms on a compact table,
-- 0.8 s on one the seed had left five times its size), against a 150 ms target.
--
--   "MenuItemMonth"  per station, month (its first day), item and kind: the sums of the item's
--                    "MenuItemDay" rows in that month. A range reads its whole months here and
--                    its first and last partial months from "MenuItemDay".
--
-- It is kept by the same refresh as "MenuItemDay", as a sum of deltas: the day rows a refresh
-- deletes count −1, the ones it inserts +1, per station, month and item, upserted in key order
-- (as "BookingDay" is kept), so two writers of different days of one month both add to the row,
-- the second after the first commits. Kind is in the key: an item whose kind was edited keeps
-- its earlier lines under the kind they were booked as, as the day rows do. A row whose events
-- all went is left at zero (the statement reads only items with events).

CREATE TABLE "MenuItemMonth" (
  "stationId"    uuid           NOT NULL REFERENCES "Station"(id),
  "month"        date           NOT NULL CHECK (extract(day FROM "month") = 1),
  "itemId"       uuid           NOT NULL REFERENCES "MenuItem"(id),
  "kind"         "MenuItemKind" NOT NULL,
  "quantity"     integer        NOT NULL,
  "bookings"     integer        NOT NULL,
  "revenueCents" bigint         NOT NULL,
  PRIMARY KEY ("stationId", "month", "itemId", "kind")
);

CREATE OR REPLACE FUNCTION analytics_refresh_menu(stations uuid[], days date[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  removed "MenuItemDay"[];
BEGIN
  IF stations IS NULL THEN RETURN; END IF;
  INSERT INTO "MenuDay" ("stationId", day)
  SELECT DISTINCT s, d FROM unnest(stations, days) AS k(s, d) ORDER BY s, d
  ON CONFLICT DO NOTHING;
  PERFORM 1 FROM "MenuDay" m
    WHERE ("stationId", day) IN (SELECT s, d FROM unnest(stations, days) AS k(s, d))
    ORDER BY m."stationId", m.day FOR UPDATE;
  WITH gone AS (
    DELETE FROM "MenuItemDay" i
     WHERE (i."stationId", i.day) IN (SELECT s, d FROM unnest(stations, days) AS k(s, d))
    RETURNING i.*)
  SELECT array_agg(gone::"MenuItemDay") INTO removed FROM gone;
  WITH added AS (
    INSERT INTO "MenuItemDay" ("stationId", day, "itemId", kind, quantity, bookings, "revenueCents")
    SELECT b."stationId", b."eventDate", l."itemId", l.kind, sum(l.quantity), count(*),
           sum(l.quantity::bigint * l."unitPriceCents")
      FROM (SELECT DISTINCT s, d FROM unnest(stations, days) AS k(s, d)) k
      JOIN "Booking" b ON b."stationId" = k.s AND b."eventDate" = k.d
                      AND b.status IN ('CONFIRMED', 'COMPLETED')
      JOIN "BookingMenuLine" l ON l."bookingId" = b.id
     GROUP BY b."stationId", b."eventDate", l."itemId", l.kind
     ORDER BY b."stationId", b."eventDate", l."itemId"
    RETURNING *),
  changes AS (
    SELECT "stationId", day, "itemId", kind, quantity, bookings, "revenueCents" FROM added
    UNION ALL
    SELECT "stationId", day, "itemId", kind, -quantity, -bookings, -"revenueCents" FROM unnest(removed)),
  deltas AS (
    SELECT "stationId", date_trunc('month', day)::date AS month, "itemId", kind,
           sum(quantity) AS quantity, sum(bookings) AS bookings, sum("revenueCents") AS revenue
      FROM changes
     GROUP BY "stationId", date_trunc('month', day)::date, "itemId", kind)
  INSERT INTO "MenuItemMonth" AS m ("stationId", month, "itemId", kind, quantity, bookings, "revenueCents")
  SELECT "stationId", month, "itemId", kind, quantity, bookings, revenue
    FROM deltas
   -- A refresh that changed nothing (a status change between two cooked ones) writes nothing.
   WHERE (quantity, bookings, revenue) IS DISTINCT FROM (0, 0, 0)
   ORDER BY "stationId", month, "itemId", kind
  ON CONFLICT ("stationId", month, "itemId", kind) DO UPDATE SET
    quantity = m.quantity + excluded.quantity,
    bookings = m.bookings + excluded.bookings,
    "revenueCents" = m."revenueCents" + excluded."revenueCents";
  UPDATE "MenuDay" m SET decided = r.decided
    FROM (SELECT DISTINCT s, d FROM unnest(stations, days) AS k(s, d)) k
    CROSS JOIN LATERAL (
      SELECT count(*) AS decided FROM "Booking" b
       WHERE b."stationId" = k.s AND b."eventDate" = k.d AND b.status IN ('CONFIRMED', 'COMPLETED')
         AND EXISTS (SELECT 1 FROM "BookingMenuLine" l
                      WHERE l."bookingId" = b.id AND l.kind IN ('PROTEIN', 'UPGRADE'))) r
   WHERE m."stationId" = k.s AND m.day = k.d AND m.decided IS DISTINCT FROM r.decided;
END $$;
ALTER FUNCTION analytics_refresh_menu(uuid[], date[]) SET plan_cache_mode = force_generic_plan;

-- The months of the days already there.
INSERT INTO "MenuItemMonth" ("stationId", month, "itemId", kind, quantity, bookings, "revenueCents")
SELECT "stationId", date_trunc('month', day)::date, "itemId", kind, sum(quantity), sum(bookings),
       sum("revenueCents")
  FROM "MenuItemDay"
 GROUP BY "stationId", date_trunc('month', day)::date, "itemId", kind;
