-- When the chef said they started the event (from My events), for staff to see on the day.
ALTER TABLE "Booking" ADD COLUMN "startedAt" timestamptz(3);
