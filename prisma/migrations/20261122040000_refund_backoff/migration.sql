-- Owed refunds that keep failing are retried with back-off, and a sweep claims each one
-- (so two instances do not try the same refund at once).
ALTER TABLE "Payment" ADD COLUMN "refundAttempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Payment" ADD COLUMN "nextRefundAttemptAt" TIMESTAMPTZ(3);
