-- Customer figures never add two currencies: the every-station rollup is kept per customer and
-- currency (a customer who booked in New York and London has a USD row and a GBP row), and
-- the every-station customer analytics read one currency's rows at a time.

ALTER TABLE "CustomerTotal" ADD COLUMN "currency" TEXT NOT NULL DEFAULT 'USD';
ALTER TABLE "CustomerTotal" DROP CONSTRAINT "CustomerTotal_pkey";
ALTER TABLE "CustomerTotal" ADD CONSTRAINT "CustomerTotal_pkey" PRIMARY KEY ("customerId", "currency");
DROP INDEX "CustomerTotal_valueCents_idx";
CREATE INDEX "CustomerTotal_currency_valueCents_idx" ON "CustomerTotal" ("currency", "valueCents");

-- One refresh for a customer's rows: the customer's own row is the lock that serialises it
-- (every writer of a booking holds or waits for it), so the rows can be rebuilt outright.
CREATE OR REPLACE FUNCTION analytics_refresh_customers(customers uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF customers IS NULL THEN RETURN; END IF;
  PERFORM 1 FROM "Customer" c WHERE c.id = ANY (customers) ORDER BY c.id FOR UPDATE;
  DELETE FROM "CustomerTotal" WHERE "customerId" = ANY (customers);
  INSERT INTO "CustomerTotal" ("customerId", currency, "firstDate", "lastDate", "eventDates", bookings, "valueCents")
  SELECT bk."customerId", bk.currency, min(bk."eventDate"), max(bk."eventDate"),
         array_agg(bk."eventDate" ORDER BY bk."eventDate"), count(*),
         COALESCE(sum((SELECT sum(p."amountCents" - p."refundedCents") FROM "Payment" p
                        WHERE p."bookingId" = bk.id AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED'))), 0)
    FROM "Booking" bk
   WHERE bk."customerId" = ANY (customers) AND bk.status <> 'EXPIRED'
   GROUP BY bk."customerId", bk.currency;
  DELETE FROM "CustomerStation" WHERE "customerId" = ANY (customers);
  INSERT INTO "CustomerStation" ("customerId", "stationId", "firstDate", "lastDate", bookings, "valueCents")
  SELECT bk."customerId", bk."stationId", min(bk."eventDate"), max(bk."eventDate"), count(*),
         COALESCE(sum((SELECT sum(p."amountCents" - p."refundedCents") FROM "Payment" p
                        WHERE p."bookingId" = bk.id AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED'))), 0)
    FROM "Booking" bk
   WHERE bk."customerId" = ANY (customers) AND bk.status <> 'EXPIRED'
   GROUP BY bk."customerId", bk."stationId";
END $$;
ALTER FUNCTION analytics_refresh_customers(uuid[]) SET plan_cache_mode = force_generic_plan;

-- Rows as of now, per currency.
TRUNCATE "CustomerTotal";
INSERT INTO "CustomerTotal" ("customerId", currency, "firstDate", "lastDate", "eventDates", bookings, "valueCents")
SELECT b."customerId", b.currency, min(b."eventDate"), max(b."eventDate"),
       array_agg(b."eventDate" ORDER BY b."eventDate"), count(*),
       COALESCE(sum((SELECT sum(p."amountCents" - p."refundedCents") FROM "Payment" p
                      WHERE p."bookingId" = b.id AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED'))), 0)
  FROM "Booking" b WHERE b.status <> 'EXPIRED'
 GROUP BY b."customerId", b.currency;
