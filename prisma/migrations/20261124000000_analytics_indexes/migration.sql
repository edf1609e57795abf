-- Analytics (packages/core/src/analytics). Bookings are counted by local event date per
-- station, payments by the instant they were recorded, customers by their bookings and those
-- bookings' payments. At 500,000 bookings the rows of one station's quarter sit on hundreds of
-- different heap pages, so these indexes carry the columns the statements read (INCLUDE): the
-- figures come from index-only scans. They replace the plain indexes on the same keys.
CREATE INDEX "Booking_stationId_eventDate_idx" ON "Booking" ("stationId", "eventDate")
  INCLUDE ("status", "totalCents", "adults", "children", "durationMinutes", "startsAt", "createdAt", "customerId", "id");

DROP INDEX "Booking_customerId_eventDate_idx";
CREATE INDEX "Booking_customerId_eventDate_idx" ON "Booking" ("customerId", "eventDate")
  INCLUDE ("status", "stationId", "id");

DROP INDEX "Payment_stationId_createdAt_idx";
CREATE INDEX "Payment_stationId_createdAt_idx" ON "Payment" ("stationId", "createdAt")
  INCLUDE ("method", "status", "amountCents", "refundedCents");

DROP INDEX "Payment_bookingId_idx";
CREATE INDEX "Payment_bookingId_idx" ON "Payment" ("bookingId")
  INCLUDE ("status", "amountCents", "refundedCents");

-- Refunds asked for and not landed: a handful of rows, found without reading the others.
CREATE INDEX "Payment_refund_owed_idx" ON "Payment" ("stationId")
  WHERE "refundRequestedCents" > "refundedCents";
