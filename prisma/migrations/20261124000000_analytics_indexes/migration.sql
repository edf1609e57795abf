-- Analytics (packages/core/src/analytics): bookings are counted by local event date per
-- station, and owed refunds are found without reading every payment.
CREATE INDEX "Booking_stationId_eventDate_idx" ON "Booking" ("stationId", "eventDate");
CREATE INDEX "Booking_eventDate_idx" ON "Booking" ("eventDate");
CREATE INDEX "Payment_refund_owed_idx" ON "Payment" ("stationId")
  WHERE "refundRequestedCents" > "refundedCents";
