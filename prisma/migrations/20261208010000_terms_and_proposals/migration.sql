-- Each station's terms, versioned: publishing a change makes a new version and every old
-- version is kept, so an acceptance always points at the exact text accepted.
CREATE TABLE "StationTerms" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "stationId" uuid NOT NULL REFERENCES "Station"("id"),
  "version" integer NOT NULL CHECK ("version" > 0),
  "body" text NOT NULL CHECK (length("body") BETWEEN 1 AND 20000),
  "sha256" text NOT NULL CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
  "createdByStaffId" uuid REFERENCES "StaffUser"("id") ON DELETE SET NULL,
  "createdAt" timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT "StationTerms_stationId_version_key" UNIQUE ("stationId", "version")
);

-- A booking's priced proposal: the next version when staff change the price after the
-- customer accepted it (they are asked to accept again); moves and the customer's own
-- changes keep it.
ALTER TABLE "Booking" ADD COLUMN "proposalVersion" integer NOT NULL DEFAULT 1;

-- Who accepted which terms for which proposal version of a booking, and when. The typed
-- name is sealed like the rest of the customer's data; the client address is kept only as
-- a keyed hash. One acceptance per version: a second (a double click, a replay) is refused.
CREATE TABLE "TermsAcceptance" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "bookingId" uuid NOT NULL REFERENCES "Booking"("id") ON DELETE CASCADE,
  "proposalVersion" integer NOT NULL,
  "termsId" uuid NOT NULL REFERENCES "StationTerms"("id"),
  "acceptedName" text NOT NULL,
  "totalCents" integer NOT NULL,
  "clientAddressHash" text,
  "acceptedAt" timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT "TermsAcceptance_bookingId_proposalVersion_key" UNIQUE ("bookingId", "proposalVersion")
);

-- Discounts and surcharges staff give a booking: a percent of the price before adjustments
-- or a fixed amount in the booking's minor units, a label the customer sees and the reason
-- kept for the audit and the analytics.
CREATE TYPE "AdjustmentKind" AS ENUM ('DISCOUNT', 'SURCHARGE');
CREATE TABLE "BookingAdjustment" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "bookingId" uuid NOT NULL REFERENCES "Booking"("id") ON DELETE CASCADE,
  "kind" "AdjustmentKind" NOT NULL,
  "percent" integer CHECK ("percent" BETWEEN 1 AND 100),
  "amountCents" integer CHECK ("amountCents" > 0),
  "label" text NOT NULL CHECK (length("label") BETWEEN 1 AND 80),
  "reason" text NOT NULL CHECK (length("reason") BETWEEN 3 AND 300),
  "createdByStaffId" uuid REFERENCES "StaffUser"("id") ON DELETE SET NULL,
  "createdAt" timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT "BookingAdjustment_one_measure_check" CHECK (("percent" IS NULL) <> ("amountCents" IS NULL))
);
CREATE INDEX "BookingAdjustment_bookingId_idx" ON "BookingAdjustment" ("bookingId");

-- The proposal link, sent by staff or after staff changed the price: review, accept, pay.
ALTER TYPE "OutboxKind" ADD VALUE 'PROPOSAL_SENT';
