-- Admin sign-in: a session (JWT) stays valid only while its sessionVersion matches the
-- user's; sign-out-everywhere, deactivation and password resets bump it.
ALTER TABLE "StaffUser" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 1;

-- The bookings workspace lists every station's bookings newest event first for a super
-- admin (keyset pagination on startsAt, id); station lists use Booking_stationId_startsAt_idx.
CREATE INDEX "Booking_startsAt_id_idx" ON "Booking"("startsAt", "id");

-- The outbox page lists a station's e-mails newest first.
CREATE INDEX "OutboxMessage_stationId_createdAt_idx" ON "OutboxMessage"("stationId", "createdAt");
