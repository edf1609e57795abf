-- Bookings staff take by phone or text: who entered them, and how long their hold lasts.
CREATE TYPE "BookingSource" AS ENUM ('WEBSITE', 'STAFF');
ALTER TABLE "Booking" ADD COLUMN "source" "BookingSource" NOT NULL DEFAULT 'WEBSITE';
ALTER TABLE "Booking" ADD COLUMN "createdByStaffId" uuid;
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_createdByStaffId_fkey"
  FOREIGN KEY ("createdByStaffId") REFERENCES "StaffUser"("id") ON DELETE SET NULL;
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_staff_source_check"
  CHECK ("createdByStaffId" IS NULL OR "source" = 'STAFF');

-- A phone order waits for the customer to pay from the link they are sent: longer than the
-- few minutes a customer paying on the website needs (48 hours unless a manager says else).
ALTER TABLE "Station" ADD COLUMN "staffHoldHours" integer NOT NULL DEFAULT 48;
ALTER TABLE "Station" ADD CONSTRAINT "Station_staffHoldHours_check"
  CHECK ("staffHoldHours" BETWEEN 1 AND 336);
