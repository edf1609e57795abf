-- More rollups for the dashboard, whose figures are not sums of
-- per-row deltas: a balance due is max(total − paid, 0) per booking, and a customer's first
-- and last event move when a booking lapses or is deleted. So their triggers recompute the
-- groups a statement touched instead of adding deltas:
--   1. insert the touched keys (ON CONFLICT DO NOTHING) and lock them, in key order;
--   2. recompute them in a second statement. In READ COMMITTED a volatile function takes a
--      new snapshot per statement, so a writer that waited for the lock sees what the
--      writer before it committed; every writer recomputes after its own change, so the
--      last one to commit leaves the truth. A test checks both tables equal the live figures,
--      also under concurrent writers.

-- Confirmed events of a station's local day that still owe money: how many, and how much.
CREATE TABLE "BookingDue" (
  "stationId" uuid    NOT NULL REFERENCES "Station"(id),
  "day"       date    NOT NULL,
  "bookings"  integer NOT NULL DEFAULT 0,
  "dueCents"  bigint  NOT NULL DEFAULT 0,
  PRIMARY KEY ("stationId", "day")
);

-- Each customer across every station (lapsed holds left out): first and last event date,
-- every event date (whether they booked inside a range is answered from the row), how many
-- bookings, and the net paid for them.
CREATE TABLE "CustomerTotal" (
  "customerId" uuid    NOT NULL PRIMARY KEY REFERENCES "Customer"(id) ON DELETE CASCADE,
  "firstDate"  date,
  "lastDate"   date,
  "eventDates" date[]  NOT NULL DEFAULT '{}',
  "bookings"   integer NOT NULL DEFAULT 0,
  "valueCents" bigint  NOT NULL DEFAULT 0
);

-- The same per customer and station (the one-station customer figures).
CREATE TABLE "CustomerStation" (
  "customerId" uuid    NOT NULL REFERENCES "Customer"(id) ON DELETE CASCADE,
  "stationId"  uuid    NOT NULL REFERENCES "Station"(id),
  "firstDate"  date    NOT NULL,
  "lastDate"   date    NOT NULL,
  "bookings"   integer NOT NULL,
  "valueCents" bigint  NOT NULL,
  PRIMARY KEY ("customerId", "stationId")
);

CREATE FUNCTION analytics_refresh_due(stations uuid[], days date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF stations IS NULL THEN RETURN; END IF;
  INSERT INTO "BookingDue" ("stationId", day)
  SELECT DISTINCT s, d FROM unnest(stations, days) AS k(s, d) ORDER BY s, d
  ON CONFLICT DO NOTHING;
  PERFORM 1 FROM "BookingDue" b, unnest(stations, days) AS k(s, d)
    WHERE b."stationId" = k.s AND b.day = k.d
    ORDER BY b."stationId", b.day FOR UPDATE OF b;
  UPDATE "BookingDue" b SET bookings = COALESCE(r.bookings, 0), "dueCents" = COALESCE(r.cents, 0)
    FROM (SELECT DISTINCT s, d FROM unnest(stations, days) AS k(s, d)) k
    LEFT JOIN LATERAL (
      SELECT count(*) AS bookings, sum(due) AS cents
        FROM (SELECT bk."totalCents" - COALESCE((
                       SELECT sum(p."amountCents" - p."refundedCents") FROM "Payment" p
                        WHERE p."bookingId" = bk.id AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED')), 0) AS due
                FROM "Booking" bk
               WHERE bk."stationId" = k.s AND bk."eventDate" = k.d AND bk.status = 'CONFIRMED') owing
       WHERE due > 0) r ON true
   WHERE b."stationId" = k.s AND b.day = k.d;
END $$;

CREATE FUNCTION analytics_refresh_customers(customers uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF customers IS NULL THEN RETURN; END IF;
  INSERT INTO "CustomerTotal" ("customerId")
  SELECT DISTINCT c FROM unnest(customers) AS k(c) ORDER BY c
  ON CONFLICT DO NOTHING;
  PERFORM 1 FROM "CustomerTotal" t WHERE t."customerId" = ANY (customers)
    ORDER BY t."customerId" FOR UPDATE;
  UPDATE "CustomerTotal" t
     SET "firstDate" = r.first, "lastDate" = r.last, "eventDates" = COALESCE(r.dates, '{}'),
         bookings = COALESCE(r.bookings, 0),
         "valueCents" = COALESCE(r.value, 0)
    FROM (SELECT DISTINCT c FROM unnest(customers) AS k(c)) k
    LEFT JOIN LATERAL (
      SELECT min(bk."eventDate") AS first, max(bk."eventDate") AS last,
             array_agg(bk."eventDate" ORDER BY bk."eventDate") AS dates, count(*) AS bookings,
             sum((SELECT sum(p."amountCents" - p."refundedCents") FROM "Payment" p
                   WHERE p."bookingId" = bk.id AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED'))) AS value
        FROM "Booking" bk
       WHERE bk."customerId" = k.c AND bk.status <> 'EXPIRED') r ON true
   WHERE t."customerId" = k.c;
  -- The customer's row in CustomerTotal, locked above, guards their CustomerStation rows too.
  DELETE FROM "CustomerStation" WHERE "customerId" = ANY (customers);
  INSERT INTO "CustomerStation" ("customerId", "stationId", "firstDate", "lastDate", bookings, "valueCents")
  SELECT bk."customerId", bk."stationId", min(bk."eventDate"), max(bk."eventDate"), count(*),
         COALESCE(sum((SELECT sum(p."amountCents" - p."refundedCents") FROM "Payment" p
                        WHERE p."bookingId" = bk.id AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED'))), 0)
    FROM "Booking" bk
   WHERE bk."customerId" = ANY (customers) AND bk.status <> 'EXPIRED'
   GROUP BY bk."customerId", bk."stationId";
END $$;

-- Booking writes: the station-days whose confirmed events changed, and the customers whose
-- non-lapsed bookings changed (an edit of notes or version touches neither).
CREATE FUNCTION analytics_booking_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- Only the transition tables of this event exist, so the statement is built for it.
  touched text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT NULL::"Booking" AS o, n FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o, NULL::"Booking" AS n FROM old_rows o'
    ELSE 'SELECT o, n FROM old_rows o JOIN new_rows n USING (id)' END;
  stations uuid[];
  days date[];
  customers uuid[];
BEGIN
  EXECUTE format($sql$
    WITH pairs AS (%s),
    due AS (
      SELECT (o)."stationId" AS s, (o)."eventDate" AS d FROM pairs
       WHERE (o).status = 'CONFIRMED' AND ((o).status, (o)."totalCents", (o)."stationId", (o)."eventDate")
             IS DISTINCT FROM ((n).status, (n)."totalCents", (n)."stationId", (n)."eventDate")
      UNION
      SELECT (n)."stationId", (n)."eventDate" FROM pairs
       WHERE (n).status = 'CONFIRMED' AND ((o).status, (o)."totalCents", (o)."stationId", (o)."eventDate")
             IS DISTINCT FROM ((n).status, (n)."totalCents", (n)."stationId", (n)."eventDate")),
    people AS (
      SELECT (o)."customerId" AS c FROM pairs
       WHERE (o).status <> 'EXPIRED' AND ((o).status = 'EXPIRED', (o)."customerId", (o)."eventDate")
             IS DISTINCT FROM ((n).status = 'EXPIRED', (n)."customerId", (n)."eventDate")
      UNION
      SELECT (n)."customerId" FROM pairs
       WHERE (n).status <> 'EXPIRED' AND ((o).status = 'EXPIRED', (o)."customerId", (o)."eventDate")
             IS DISTINCT FROM ((n).status = 'EXPIRED', (n)."customerId", (n)."eventDate"))
    SELECT (SELECT array_agg(s ORDER BY s, d) FROM due), (SELECT array_agg(d ORDER BY s, d) FROM due),
           (SELECT array_agg(c ORDER BY c) FROM people)
  $sql$, touched) INTO stations, days, customers;
  PERFORM analytics_refresh_due(stations, days);
  PERFORM analytics_refresh_customers(customers);
  RETURN NULL;
END $$;

-- Payment writes: the bookings whose kept money changed, then their station-days and customers.
-- Those bookings are read FOR SHARE: a concurrent move or status change of one of them waits
-- for this transaction (and then recomputes seeing its payment), or this read waits for it and
-- sees where the booking went. Payment flows lock their booking first already (FOR UPDATE), so
-- this rarely waits.
CREATE FUNCTION analytics_payment_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT NULL::"Payment" AS o, n FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o, NULL::"Payment" AS n FROM old_rows o'
    ELSE 'SELECT o, n FROM old_rows o JOIN new_rows n USING (id)' END;
  changed uuid[];
  stations uuid[];
  days date[];
  customers uuid[];
BEGIN
  EXECUTE format($sql$
    WITH pairs AS (%s),
    kept AS (
      SELECT (o).status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED') AS was_kept,
             (n).status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED') AS is_kept, o, n FROM pairs),
    moved AS (
      SELECT was_kept, is_kept, o, n FROM kept
       WHERE (was_kept OR is_kept) AND (was_kept, (o)."amountCents", (o)."refundedCents", (o)."bookingId")
             IS DISTINCT FROM (is_kept, (n)."amountCents", (n)."refundedCents", (n)."bookingId"))
    SELECT array_agg(DISTINCT id) FROM (
      SELECT (o)."bookingId" AS id FROM moved WHERE was_kept
      UNION ALL SELECT (n)."bookingId" FROM moved WHERE is_kept) ids
  $sql$, touched) INTO changed;
  IF changed IS NULL THEN RETURN NULL; END IF;
  SELECT array_agg("stationId" ORDER BY "stationId", "eventDate"),
         array_agg("eventDate" ORDER BY "stationId", "eventDate"),
         array_agg("customerId" ORDER BY "customerId")
    INTO stations, days, customers
    FROM (SELECT "stationId", "eventDate", "customerId" FROM "Booking"
           WHERE id = ANY (changed) ORDER BY id FOR SHARE) b;
  PERFORM analytics_refresh_due(stations, days);
  PERFORM analytics_refresh_customers(customers);
  RETURN NULL;
END $$;

CREATE TRIGGER "Booking_refresh_insert" AFTER INSERT ON "Booking"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_booking_refresh();
CREATE TRIGGER "Booking_refresh_update" AFTER UPDATE ON "Booking"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_booking_refresh();
CREATE TRIGGER "Booking_refresh_delete" AFTER DELETE ON "Booking"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_booking_refresh();
CREATE TRIGGER "Payment_refresh_insert" AFTER INSERT ON "Payment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_payment_refresh();
CREATE TRIGGER "Payment_refresh_update" AFTER UPDATE ON "Payment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_payment_refresh();
CREATE TRIGGER "Payment_refresh_delete" AFTER DELETE ON "Payment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_payment_refresh();

-- What is already there.
INSERT INTO "BookingDue" ("stationId", day, bookings, "dueCents")
SELECT "stationId", "eventDate", count(*) FILTER (WHERE due > 0), COALESCE(sum(due) FILTER (WHERE due > 0), 0)
  FROM (SELECT b."stationId", b."eventDate",
               b."totalCents" - COALESCE((SELECT sum(p."amountCents" - p."refundedCents") FROM "Payment" p
                                           WHERE p."bookingId" = b.id
                                             AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED')), 0) AS due
          FROM "Booking" b WHERE b.status = 'CONFIRMED') owing
 GROUP BY "stationId", "eventDate";
INSERT INTO "CustomerTotal" ("customerId", "firstDate", "lastDate", "eventDates", bookings, "valueCents")
SELECT b."customerId", min(b."eventDate"), max(b."eventDate"), array_agg(b."eventDate" ORDER BY b."eventDate"), count(*),
       COALESCE(sum((SELECT sum(p."amountCents" - p."refundedCents") FROM "Payment" p
                      WHERE p."bookingId" = b.id AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED'))), 0)
  FROM "Booking" b WHERE b.status <> 'EXPIRED'
 GROUP BY b."customerId";

INSERT INTO "CustomerStation" ("customerId", "stationId", "firstDate", "lastDate", bookings, "valueCents")
SELECT b."customerId", b."stationId", min(b."eventDate"), max(b."eventDate"), count(*),
       COALESCE(sum((SELECT sum(p."amountCents" - p."refundedCents") FROM "Payment" p
                      WHERE p."bookingId" = b.id AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED'))), 0)
  FROM "Booking" b WHERE b.status <> 'EXPIRED'
 GROUP BY b."customerId", b."stationId";

-- The every-station customer query walks the most valuable customers from the top until ten
-- have booked in the range.
CREATE INDEX "CustomerTotal_valueCents_idx" ON "CustomerTotal" ("valueCents");
