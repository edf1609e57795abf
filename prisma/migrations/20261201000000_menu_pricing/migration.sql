-- Menus, per-station currency and travel fees (issue: price an event the way a caterer does).

CREATE TYPE "MenuItemKind" AS ENUM ('PROTEIN', 'UPGRADE', 'EXTRA', 'ADDON', 'KIDS');
CREATE TYPE "TravelMode" AS ENUM ('NONE', 'DISTANCE', 'ZONES');
ALTER TYPE "OutboxKind" ADD VALUE 'BOOKING_MENU_CHANGED';

ALTER TABLE "Station"
  ADD COLUMN "currency" TEXT NOT NULL DEFAULT 'USD',
  ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en-US',
  ADD COLUMN "country" TEXT NOT NULL DEFAULT 'US',
  ADD COLUMN "proteinsPerAdult" INTEGER NOT NULL DEFAULT 2,
  ADD COLUMN "menuLockHours" INTEGER NOT NULL DEFAULT 72,
  ADD COLUMN "travelMode" "TravelMode" NOT NULL DEFAULT 'NONE',
  ADD COLUMN "travelOriginPostalCode" TEXT,
  ADD COLUMN "travelFreeMiles" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "travelFeePerMileCents" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "travelMaxMiles" INTEGER,
  ADD CONSTRAINT "Station_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$'),
  ADD CONSTRAINT "Station_country_iso" CHECK ("country" ~ '^[A-Z]{2}$'),
  ADD CONSTRAINT "Station_menu_numbers" CHECK (
    "proteinsPerAdult" BETWEEN 0 AND 5 AND "menuLockHours" BETWEEN 0 AND 720),
  ADD CONSTRAINT "Station_travel_numbers" CHECK (
    "travelFreeMiles" >= 0 AND "travelFeePerMileCents" >= 0
    AND ("travelMaxMiles" IS NULL OR "travelMaxMiles" >= "travelFreeMiles")),
  ADD CONSTRAINT "Station_travel_origin" CHECK (
    "travelMode" <> 'DISTANCE' OR "travelOriginPostalCode" IS NOT NULL);

CREATE TABLE "MenuItem" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "stationId" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "description" TEXT NOT NULL DEFAULT '',
  "kind" "MenuItemKind" NOT NULL,
  "priceCents" INTEGER NOT NULL DEFAULT 0,
  "dietaryTags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "active" BOOLEAN NOT NULL DEFAULT true,
  "sortOrder" INTEGER NOT NULL DEFAULT 0,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "MenuItem_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "MenuItem_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id")
    ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "MenuItem_price" CHECK ("priceCents" >= 0)
);
CREATE INDEX "MenuItem_stationId_sortOrder_idx" ON "MenuItem"("stationId", "sortOrder");

CREATE TABLE "TravelZone" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "stationId" UUID NOT NULL,
  "prefix" TEXT NOT NULL,
  "label" TEXT NOT NULL,
  "feeCents" INTEGER NOT NULL,
  CONSTRAINT "TravelZone_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "TravelZone_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id")
    ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "TravelZone_fee" CHECK ("feeCents" >= 0)
);
CREATE UNIQUE INDEX "TravelZone_stationId_prefix_key" ON "TravelZone"("stationId", "prefix");

ALTER TABLE "Booking"
  ADD COLUMN "currency" TEXT NOT NULL DEFAULT 'USD',
  ADD COLUMN "adultPriceCents" INTEGER,
  ADD COLUMN "childPriceCents" INTEGER,
  ADD COLUMN "minimumCents" INTEGER,
  ADD COLUMN "travelFeeCents" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "travelLabel" TEXT;
-- Bookings made before menus were quoted at their station's prices of the time; the closest
-- record of those is the station's prices now (their totals stay as they were stored).
UPDATE "Booking" b
   SET "currency" = s."currency", "adultPriceCents" = s."adultPriceCents",
       "childPriceCents" = s."childPriceCents", "minimumCents" = s."minimumCents"
  FROM "Station" s WHERE s.id = b."stationId";
ALTER TABLE "Booking"
  ALTER COLUMN "adultPriceCents" SET NOT NULL,
  ALTER COLUMN "childPriceCents" SET NOT NULL,
  ALTER COLUMN "minimumCents" SET NOT NULL,
  ADD CONSTRAINT "Booking_travel_fee" CHECK ("travelFeeCents" >= 0);

CREATE TABLE "BookingMenuLine" (
  "bookingId" UUID NOT NULL,
  "itemId" UUID NOT NULL,
  "kind" "MenuItemKind" NOT NULL,
  "name" TEXT NOT NULL,
  "unitPriceCents" INTEGER NOT NULL,
  "quantity" INTEGER NOT NULL,
  CONSTRAINT "BookingMenuLine_pkey" PRIMARY KEY ("bookingId", "itemId"),
  CONSTRAINT "BookingMenuLine_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id")
    ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "BookingMenuLine_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MenuItem"("id")
    ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "BookingMenuLine_numbers" CHECK ("quantity" > 0 AND "unitPriceCents" >= 0)
);
CREATE INDEX "BookingMenuLine_itemId_idx" ON "BookingMenuLine"("itemId");

-- A menu or zone change is a station change for the instances' caches (quotes, the station pages).
CREATE TRIGGER menu_item_changed_notify
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MenuItem"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_station_changed();
CREATE TRIGGER travel_zone_changed_notify
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TravelZone"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_station_changed();
