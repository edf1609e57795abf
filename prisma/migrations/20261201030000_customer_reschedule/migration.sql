-- Customers move their own booking from the manage page, within the station's policy: until
-- some hours before the event, at most some times per booking.
ALTER TABLE "Station"
  ADD COLUMN "rescheduleNoticeHours" integer NOT NULL DEFAULT 72,
  ADD COLUMN "rescheduleLimit" integer NOT NULL DEFAULT 2;

ALTER TABLE "Booking" ADD COLUMN "customerReschedules" integer NOT NULL DEFAULT 0;
