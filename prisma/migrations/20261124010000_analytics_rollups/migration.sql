-- Daily rollups for the dashboard's every-station ranges (a year of 340 stations reads ~80,000
-- rollup rows instead of ~500,000 bookings). Kept by statement-level triggers in the same
-- transaction as every write to Booking and Payment, so they are never stale; a test checks
-- they always equal the live computation. Groups are upserted in (stationId, day) order, so
-- two transactions touching the same days lock them in the same order.

-- One row per station and local event date.
CREATE TABLE "BookingDay" (
  "stationId"      uuid    NOT NULL REFERENCES "Station"(id),
  "day"            date    NOT NULL,
  "pending"        integer NOT NULL DEFAULT 0,
  "confirmed"      integer NOT NULL DEFAULT 0,
  "completed"      integer NOT NULL DEFAULT 0,
  "cancelled"      integer NOT NULL DEFAULT 0,
  "noShow"         integer NOT NULL DEFAULT 0,
  "expired"        integer NOT NULL DEFAULT 0,
  -- confirmed + completed events: their price, guests and chef minutes
  -- (integers: a station-day is far from 2^31 of any of them, and sum(integer) is a fast bigint)
  "revenueCents"   integer NOT NULL DEFAULT 0,
  "guests"         integer NOT NULL DEFAULT 0,
  "chefMinutes"    integer NOT NULL DEFAULT 0,
  -- bookings that are not lapsed holds: minutes from booking to event, summed
  "leadMinutes"    integer NOT NULL DEFAULT 0,
  PRIMARY KEY ("stationId", "day")
);

-- One row per station, local day the payment was recorded, and method.
CREATE TABLE "PaymentDay" (
  "stationId"      uuid            NOT NULL REFERENCES "Station"(id),
  "day"            date            NOT NULL,
  "method"         "PaymentMethod" NOT NULL,
  -- payments that succeeded (refunded since or not): how many, how much, how much went back
  "arrived"        integer         NOT NULL DEFAULT 0,
  "amountCents"    integer         NOT NULL DEFAULT 0,
  "refundedCents"  integer         NOT NULL DEFAULT 0,
  "failed"         integer         NOT NULL DEFAULT 0,
  PRIMARY KEY ("stationId", "day", "method")
);

CREATE FUNCTION analytics_booking_day_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- Only the transition tables of this event exist, so the statement is built for it.
  source text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_rows'
    ELSE 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows' END;
BEGIN
  EXECUTE format($sql$
  WITH changes AS (%s),
  deltas AS (
    SELECT "stationId", "eventDate" AS day,
           sum(sign * (status = 'PENDING_PAYMENT')::int) AS pending,
           sum(sign * (status = 'CONFIRMED')::int) AS confirmed,
           sum(sign * (status = 'COMPLETED')::int) AS completed,
           sum(sign * (status = 'CANCELLED')::int) AS cancelled,
           sum(sign * (status = 'NO_SHOW')::int) AS "noShow",
           sum(sign * (status = 'EXPIRED')::int) AS expired,
           sum(sign * CASE WHEN status IN ('CONFIRMED', 'COMPLETED') THEN "totalCents" ELSE 0 END) AS revenue,
           sum(sign * CASE WHEN status IN ('CONFIRMED', 'COMPLETED') THEN adults + children ELSE 0 END) AS guests,
           sum(sign * CASE WHEN status IN ('CONFIRMED', 'COMPLETED') THEN "durationMinutes" ELSE 0 END) AS minutes,
           sum(sign * CASE WHEN status <> 'EXPIRED'
                           THEN (extract(epoch FROM "startsAt" - "createdAt") / 60)::int ELSE 0 END) AS lead
      FROM changes
     GROUP BY "stationId", "eventDate")
  INSERT INTO "BookingDay" AS d ("stationId", day, pending, confirmed, completed, cancelled, "noShow",
                                 expired, "revenueCents", guests, "chefMinutes", "leadMinutes")
  SELECT "stationId", day, pending, confirmed, completed, cancelled, "noShow", expired, revenue, guests,
         minutes, lead
    FROM deltas
   -- An update that moves nothing between figures (notes, version, chef) leaves the rollup alone.
   WHERE (pending, confirmed, completed, cancelled, "noShow", expired, revenue, guests, minutes, lead)
         IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
   ORDER BY "stationId", day
  ON CONFLICT ("stationId", day) DO UPDATE SET
    pending = d.pending + excluded.pending,
    confirmed = d.confirmed + excluded.confirmed,
    completed = d.completed + excluded.completed,
    cancelled = d.cancelled + excluded.cancelled,
    "noShow" = d."noShow" + excluded."noShow",
    expired = d.expired + excluded.expired,
    "revenueCents" = d."revenueCents" + excluded."revenueCents",
    guests = d.guests + excluded.guests,
    "chefMinutes" = d."chefMinutes" + excluded."chefMinutes",
    "leadMinutes" = d."leadMinutes" + excluded."leadMinutes"
  $sql$, source);
  RETURN NULL;
END $$;

CREATE FUNCTION analytics_payment_day_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- Only the transition tables of this event exist, so the statement is built for it.
  source text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_rows'
    ELSE 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows' END;
BEGIN
  EXECUTE format($sql$
  WITH changes AS (%s),
  deltas AS (
    SELECT c."stationId", (c."createdAt" AT TIME ZONE s.timezone)::date AS day, c.method,
           sum(sign * (c.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED'))::int) AS arrived,
           sum(sign * CASE WHEN c.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')
                           THEN c."amountCents" ELSE 0 END) AS amount,
           sum(sign * CASE WHEN c.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')
                           THEN c."refundedCents" ELSE 0 END) AS refunded,
           sum(sign * (c.status = 'FAILED')::int) AS failed
      FROM changes c JOIN "Station" s ON s.id = c."stationId"
     GROUP BY c."stationId", day, c.method)
  INSERT INTO "PaymentDay" AS d ("stationId", day, method, arrived, "amountCents", "refundedCents", failed)
  SELECT "stationId", day, method, arrived, amount, refunded, failed
    FROM deltas
   WHERE (arrived, amount, refunded, failed) IS DISTINCT FROM (0, 0, 0, 0)
   ORDER BY "stationId", day, method
  ON CONFLICT ("stationId", day, method) DO UPDATE SET
    arrived = d.arrived + excluded.arrived,
    "amountCents" = d."amountCents" + excluded."amountCents",
    "refundedCents" = d."refundedCents" + excluded."refundedCents",
    failed = d.failed + excluded.failed
  $sql$, source);
  RETURN NULL;
END $$;

CREATE TRIGGER "Booking_day_insert" AFTER INSERT ON "Booking"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_booking_day_apply();
CREATE TRIGGER "Booking_day_update" AFTER UPDATE ON "Booking"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_booking_day_apply();
CREATE TRIGGER "Booking_day_delete" AFTER DELETE ON "Booking"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_booking_day_apply();
CREATE TRIGGER "Payment_day_insert" AFTER INSERT ON "Payment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_payment_day_apply();
CREATE TRIGGER "Payment_day_update" AFTER UPDATE ON "Payment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_payment_day_apply();
CREATE TRIGGER "Payment_day_delete" AFTER DELETE ON "Payment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_payment_day_apply();

-- What is already there.
INSERT INTO "BookingDay" ("stationId", day, pending, confirmed, completed, cancelled, "noShow", expired,
                          "revenueCents", guests, "chefMinutes", "leadMinutes")
SELECT "stationId", "eventDate",
       count(*) FILTER (WHERE status = 'PENDING_PAYMENT'), count(*) FILTER (WHERE status = 'CONFIRMED'),
       count(*) FILTER (WHERE status = 'COMPLETED'), count(*) FILTER (WHERE status = 'CANCELLED'),
       count(*) FILTER (WHERE status = 'NO_SHOW'), count(*) FILTER (WHERE status = 'EXPIRED'),
       COALESCE(sum("totalCents") FILTER (WHERE status IN ('CONFIRMED', 'COMPLETED')), 0),
       COALESCE(sum(adults + children) FILTER (WHERE status IN ('CONFIRMED', 'COMPLETED')), 0),
       COALESCE(sum("durationMinutes") FILTER (WHERE status IN ('CONFIRMED', 'COMPLETED')), 0),
       COALESCE(sum((extract(epoch FROM "startsAt" - "createdAt") / 60)::int) FILTER (WHERE status <> 'EXPIRED'), 0)
  FROM "Booking" GROUP BY "stationId", "eventDate";
INSERT INTO "PaymentDay" ("stationId", day, method, arrived, "amountCents", "refundedCents", failed)
SELECT p."stationId", (p."createdAt" AT TIME ZONE s.timezone)::date, p.method,
       count(*) FILTER (WHERE p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
       COALESCE(sum(p."amountCents") FILTER (WHERE p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')), 0),
       COALESCE(sum(p."refundedCents") FILTER (WHERE p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')), 0),
       count(*) FILTER (WHERE p.status = 'FAILED')
  FROM "Payment" p JOIN "Station" s ON s.id = p."stationId"
 GROUP BY p."stationId", 2, p.method;
