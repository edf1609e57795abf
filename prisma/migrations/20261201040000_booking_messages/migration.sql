-- Messages an event earns as its day approaches and passes (a reminder, the day before, a
-- thank-you), queued in the outbox by the planner once due. Each is queued once: its key
-- (kind, booking, start) is unique. Each kind can be turned off per station.
ALTER TYPE "OutboxKind" ADD VALUE 'BOOKING_REMINDER';
ALTER TYPE "OutboxKind" ADD VALUE 'BOOKING_DAY_BEFORE';
ALTER TYPE "OutboxKind" ADD VALUE 'BOOKING_THANK_YOU';

ALTER TABLE "OutboxMessage" ADD COLUMN "dedupeKey" text;
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage" ("dedupeKey");

ALTER TABLE "Station"
  ADD COLUMN "reminderDays" integer NOT NULL DEFAULT 7,
  ADD COLUMN "sendReminder" boolean NOT NULL DEFAULT true,
  ADD COLUMN "sendDayBefore" boolean NOT NULL DEFAULT true,
  ADD COLUMN "sendThankYou" boolean NOT NULL DEFAULT true,
  ADD COLUMN "reviewUrl" text;
