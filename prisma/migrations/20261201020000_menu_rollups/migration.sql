-- Menu analytics over every station and a year read rollups, as the other figures do
-- (decision 5): summing a year of menu lines live took 3.8 s at 500,000 bookings.
--
--   "MenuDay"      one row per station and local event date: how many of its cooked events
--                  (CONFIRMED, COMPLETED) have their proteins chosen. It is also the key the
--                  triggers lock.
--   "MenuItemDay"  per station, date and item: portions, events that had it, and revenue at the
--                  quoted unit prices, over the same cooked events.
--
-- A line's contribution depends on its booking's status and date, so the triggers recompute
-- the station-days a statement touched, the BookingDue way: insert the keys, lock them in key
-- order, then recompute them in later statements (in READ COMMITTED each takes a new
-- snapshot, so a writer that waited sees what the one before it committed). The bookings
-- whose lines changed are read FOR SHARE: a concurrent move or status change waits, or this
-- read waits for it and sees where the booking went. A test checks both tables equal the live
-- figures, also under concurrent writers.

CREATE TABLE "MenuDay" (
  "stationId" uuid    NOT NULL REFERENCES "Station"(id),
  "day"       date    NOT NULL,
  "decided"   integer NOT NULL DEFAULT 0,
  PRIMARY KEY ("stationId", "day")
);

CREATE TABLE "MenuItemDay" (
  "stationId"    uuid           NOT NULL,
  "day"          date           NOT NULL,
  "itemId"       uuid           NOT NULL REFERENCES "MenuItem"(id),
  "kind"         "MenuItemKind" NOT NULL,
  "quantity"     integer        NOT NULL,
  "bookings"     integer        NOT NULL,
  "revenueCents" bigint         NOT NULL,
  PRIMARY KEY ("stationId", "day", "itemId"),
  FOREIGN KEY ("stationId", "day") REFERENCES "MenuDay" ("stationId", "day") ON DELETE CASCADE
);
CREATE INDEX "MenuItemDay_itemId_idx" ON "MenuItemDay" ("itemId");

CREATE FUNCTION analytics_refresh_menu(stations uuid[], days date[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF stations IS NULL THEN RETURN; END IF;
  INSERT INTO "MenuDay" ("stationId", day)
  SELECT DISTINCT s, d FROM unnest(stations, days) AS k(s, d) ORDER BY s, d
  ON CONFLICT DO NOTHING;
  PERFORM 1 FROM "MenuDay" m
    WHERE ("stationId", day) IN (SELECT s, d FROM unnest(stations, days) AS k(s, d))
    ORDER BY m."stationId", m.day FOR UPDATE;
  DELETE FROM "MenuItemDay" i
   WHERE (i."stationId", i.day) IN (SELECT s, d FROM unnest(stations, days) AS k(s, d));
  INSERT INTO "MenuItemDay" ("stationId", day, "itemId", kind, quantity, bookings, "revenueCents")
  SELECT b."stationId", b."eventDate", l."itemId", l.kind, sum(l.quantity), count(*),
         sum(l.quantity::bigint * l."unitPriceCents")
    FROM (SELECT DISTINCT s, d FROM unnest(stations, days) AS k(s, d)) k
    JOIN "Booking" b ON b."stationId" = k.s AND b."eventDate" = k.d
                    AND b.status IN ('CONFIRMED', 'COMPLETED')
    JOIN "BookingMenuLine" l ON l."bookingId" = b.id
   GROUP BY b."stationId", b."eventDate", l."itemId", l.kind
   ORDER BY b."stationId", b."eventDate", l."itemId";
  UPDATE "MenuDay" m SET decided = r.decided
    FROM (SELECT DISTINCT s, d FROM unnest(stations, days) AS k(s, d)) k
    CROSS JOIN LATERAL (
      SELECT count(*) AS decided FROM "Booking" b
       WHERE b."stationId" = k.s AND b."eventDate" = k.d AND b.status IN ('CONFIRMED', 'COMPLETED')
         AND EXISTS (SELECT 1 FROM "BookingMenuLine" l
                      WHERE l."bookingId" = b.id AND l.kind IN ('PROTEIN', 'UPGRADE'))) r
   WHERE m."stationId" = k.s AND m.day = k.d AND m.decided IS DISTINCT FROM r.decided;
END $$;

-- Line writes: the station-days of the bookings whose lines changed.
CREATE FUNCTION analytics_menu_lines_changed(bookings uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  stations uuid[];
  days date[];
BEGIN
  IF bookings IS NULL THEN RETURN; END IF;
  SELECT array_agg("stationId" ORDER BY "stationId", "eventDate"),
         array_agg("eventDate" ORDER BY "stationId", "eventDate")
    INTO stations, days
    FROM (SELECT "stationId", "eventDate" FROM "Booking"
           WHERE id = ANY (bookings) ORDER BY id FOR SHARE) b;
  PERFORM analytics_refresh_menu(stations, days);
END $$;

CREATE FUNCTION analytics_menu_lines_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_menu_lines_changed((SELECT array_agg(DISTINCT "bookingId") FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM analytics_menu_lines_changed((SELECT array_agg(DISTINCT "bookingId") FROM old_rows));
  ELSE
    PERFORM analytics_menu_lines_changed((SELECT array_agg(DISTINCT id) FROM (
      SELECT "bookingId" AS id FROM new_rows UNION SELECT "bookingId" FROM old_rows) ids));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "BookingMenuLine_menu_insert" AFTER INSERT ON "BookingMenuLine"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_menu_lines_refresh();
CREATE TRIGGER "BookingMenuLine_menu_update" AFTER UPDATE ON "BookingMenuLine"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_menu_lines_refresh();
CREATE TRIGGER "BookingMenuLine_menu_delete" AFTER DELETE ON "BookingMenuLine"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_menu_lines_refresh();

-- Booking writes, as pairs (before, after) aligned by position (NULL after a delete): the
-- station-days of bookings with lines whose cooked state, station or date changed. (A new
-- booking has no lines yet: the line trigger counts them when they come.)
CREATE FUNCTION analytics_menu_booking_changed(olds "Booking"[], news "Booking"[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  stations uuid[];
  days date[];
BEGIN
  WITH pairs AS (
    SELECT olds[i] AS o, news[i] AS n
      FROM generate_series(1, cardinality(olds)) AS i),
  moved AS (
    SELECT o, n FROM pairs
     WHERE ((o).status IN ('CONFIRMED', 'COMPLETED'), (o)."stationId", (o)."eventDate")
           IS DISTINCT FROM ((n).status IN ('CONFIRMED', 'COMPLETED'), (n)."stationId", (n)."eventDate")
       AND ((o).status IN ('CONFIRMED', 'COMPLETED') OR (n).status IN ('CONFIRMED', 'COMPLETED'))
       AND EXISTS (SELECT 1 FROM "BookingMenuLine" l WHERE l."bookingId" = (o).id)),
  keys AS (
    SELECT (o)."stationId" AS s, (o)."eventDate" AS d FROM moved
     WHERE (o).status IN ('CONFIRMED', 'COMPLETED')
    UNION
    SELECT (n)."stationId", (n)."eventDate" FROM moved
     WHERE (n).status IN ('CONFIRMED', 'COMPLETED'))
  SELECT array_agg(s ORDER BY s, d), array_agg(d ORDER BY s, d) INTO stations, days FROM keys;
  PERFORM analytics_refresh_menu(stations, days);
END $$;

CREATE FUNCTION analytics_menu_booking_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- Its lines went with it (ON DELETE CASCADE); the days it counted in are recomputed.
    PERFORM analytics_refresh_menu(array_agg("stationId" ORDER BY "stationId", "eventDate"),
                                   array_agg("eventDate" ORDER BY "stationId", "eventDate"))
       FROM old_rows WHERE status IN ('CONFIRMED', 'COMPLETED');
  ELSE
    PERFORM analytics_menu_booking_changed(olds, news)
       FROM (SELECT array_agg(o::"Booking") AS olds, array_agg(n::"Booking") AS news
               FROM old_rows o JOIN new_rows n USING (id)) pairs;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Booking_menu_update" AFTER UPDATE ON "Booking"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_menu_booking_refresh();
CREATE TRIGGER "Booking_menu_delete" AFTER DELETE ON "Booking"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_menu_booking_refresh();

ALTER FUNCTION analytics_refresh_menu(uuid[], date[]) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION analytics_menu_lines_changed(uuid[]) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION analytics_menu_booking_changed("Booking"[], "Booking"[]) SET plan_cache_mode = force_generic_plan;

-- The rollups of the bookings already there.
SELECT analytics_refresh_menu(array_agg("stationId" ORDER BY "stationId", "eventDate"),
                              array_agg("eventDate" ORDER BY "stationId", "eventDate"))
  FROM (SELECT DISTINCT "stationId", "eventDate" FROM "Booking"
         WHERE status IN ('CONFIRMED', 'COMPLETED')) cooked;
