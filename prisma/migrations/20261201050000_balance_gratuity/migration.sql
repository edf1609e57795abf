-- The balance paid online, with an optional gratuity for the chef. A payment says what it is
-- for (the deposit that confirms a hold, or the balance after it). The gratuity is charged
-- with the balance but kept apart from the price: amountCents stays the price part, so every
-- rule about money kept (net paid, balances due, the rollups, the cancellation refund) is
-- unchanged; the gratuity goes back only when staff choose so.
CREATE TYPE "PaymentPurpose" AS ENUM ('DEPOSIT', 'BALANCE');

ALTER TABLE "Payment"
  ADD COLUMN "purpose" "PaymentPurpose" NOT NULL DEFAULT 'DEPOSIT',
  ADD COLUMN "gratuityCents" integer NOT NULL DEFAULT 0,
  ADD COLUMN "gratuityRefundRequestedCents" integer NOT NULL DEFAULT 0,
  ADD COLUMN "gratuityRefundedCents" integer NOT NULL DEFAULT 0;

-- Payments already recorded: a booking's first payment was its deposit, later ones its balance.
UPDATE "Payment" p SET purpose = 'BALANCE'
  FROM (SELECT id, row_number() OVER (PARTITION BY "bookingId" ORDER BY "createdAt", id) AS n
          FROM "Payment") ordered
 WHERE ordered.id = p.id AND ordered.n > 1;

-- A gratuity-only payment (a tip after the balance was settled in cash) has no price part.
ALTER TABLE "Payment" DROP CONSTRAINT "Payment_amount_check";
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amount_check"
  CHECK ("amountCents" >= 0 AND "amountCents" + "gratuityCents" > 0
         AND "refundedCents" >= 0 AND "refundedCents" <= "amountCents");
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_gratuity_check"
  CHECK ("gratuityCents" >= 0
         AND "gratuityRefundRequestedCents" BETWEEN 0 AND "gratuityCents"
         AND "gratuityRefundedCents" BETWEEN 0 AND "gratuityCents");

-- Gratuity per chef over a range: the few payments that carry one, by station and day.
CREATE INDEX "Payment_gratuity_idx" ON "Payment" ("stationId", "createdAt")
  INCLUDE ("bookingId", "gratuityCents", "gratuityRefundedCents")
  WHERE "gratuityCents" > 0;
-- Gratuity refunds staff chose and the provider has not confirmed (the sweep retries them).
CREATE INDEX "Payment_gratuity_refund_owed_idx" ON "Payment" ("stationId")
  WHERE "gratuityRefundRequestedCents" > "gratuityRefundedCents";

-- Whether a customer may pay part of the balance online (otherwise all of it at once).
ALTER TABLE "Station" ADD COLUMN "allowPartialBalance" boolean NOT NULL DEFAULT false;

-- The receipt for a balance or gratuity paid online.
ALTER TYPE "OutboxKind" ADD VALUE 'BALANCE_RECEIVED';
