-- Customer data encrypted at rest (decision 021). Names, e-mails, phones, address lines,
-- special requests, staff notes, outbox recipients and conversation text are sealed by the app
-- (AES-256-GCM, `enc:v1:<key id>:…`); exact e-mail and phone lookups go through keyed HMAC
-- blind indexes. This migration only makes room: the rows are sealed afterwards, online and in
-- batches, by the data pass `pnpm db:migrate` runs (and `pnpm data:rotate-key`).
--
-- Checks on the plaintext's shape cannot hold for ciphertext; the zod schemas keep them.
-- The unique index on Customer.email stays for one release: instances of the previous release,
-- still serving during a rolling deploy, upsert ON CONFLICT (email). Ciphertext never repeats,
-- so it is harmless until it is dropped.
ALTER TABLE "Customer" DROP CONSTRAINT "Customer_email_lowercase_check";
ALTER TABLE "Booking" DROP CONSTRAINT "Booking_special_requests_length_check";
ALTER TABLE "Conversation" DROP CONSTRAINT "Conversation_customerName_check";
ALTER TABLE "Conversation" DROP CONSTRAINT "Conversation_customerEmail_check";
ALTER TABLE "ConversationMessage" DROP CONSTRAINT "ConversationMessage_body_check";

ALTER TABLE "Customer"
  ADD COLUMN "emailHash" text,
  ADD COLUMN "phoneHash" text,
  -- When the customer's personal data was erased (export and erasure, retention).
  ADD COLUMN "erasedAt" timestamptz(3);
CREATE UNIQUE INDEX "Customer_emailHash_key" ON "Customer" ("emailHash");
CREATE INDEX "Customer_phoneHash_idx" ON "Customer" ("phoneHash");

ALTER TABLE "Conversation" ADD COLUMN "customerEmailHash" text;
CREATE INDEX "Conversation_customerEmailHash_idx" ON "Conversation" ("customerEmailHash");

-- Years after a customer's last event at the station before their data is anonymised (null: kept).
ALTER TABLE "Station" ADD COLUMN "retentionYears" integer
  CHECK ("retentionYears" BETWEEN 1 AND 30);
