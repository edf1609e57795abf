-- The Stripe PaymentIntent behind a Checkout Session: refunds are made against it.
ALTER TABLE "Payment" ADD COLUMN "providerPaymentIntent" TEXT;
CREATE UNIQUE INDEX "Payment_providerPaymentIntent_key" ON "Payment"("providerPaymentIntent");
