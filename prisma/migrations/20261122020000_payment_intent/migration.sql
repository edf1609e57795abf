-- The Stripe PaymentIntent behind a Checkout Session: refunds are made against it.
ALTER TABLE "Payment" ADD COLUMN "providerPaymentIntent" TEXT;
CREATE UNIQUE INDEX "Payment_providerPaymentIntent_key" ON "Payment"("providerPaymentIntent");

-- Refunds owed but not yet confirmed by the provider (retried by a sweep, visible to staff).
ALTER TABLE "Payment" ADD COLUMN "refundRequestedCents" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Payment" ADD COLUMN "lastRefundError" TEXT;
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_refund_requested_check" CHECK ("refundRequestedCents" >= 0 AND "refundRequestedCents" <= "amountCents");
