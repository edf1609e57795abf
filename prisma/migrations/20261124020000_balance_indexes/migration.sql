-- Balances due on confirmed events (payment analytics): the confirmed bookings of a range and
-- the money that arrived for them, each from a small partial index, without reading the heap.
CREATE INDEX "Booking_confirmed_eventDate_idx" ON "Booking" ("eventDate")
  INCLUDE ("stationId", "totalCents", "id")
  WHERE status = 'CONFIRMED';
CREATE INDEX "Payment_paid_bookingId_idx" ON "Payment" ("bookingId")
  INCLUDE ("amountCents", "refundedCents")
  WHERE status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED');
