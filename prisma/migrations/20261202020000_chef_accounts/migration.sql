-- A CHEF account belongs to one station and is linked to one chef of it (one account per
-- chef); other roles are not linked.
ALTER TABLE "StaffUser" ADD COLUMN "chefId" uuid;
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_chefId_fkey"
  FOREIGN KEY ("chefId") REFERENCES "Chef"("id") ON DELETE RESTRICT;
CREATE UNIQUE INDEX "StaffUser_chefId_key" ON "StaffUser" ("chefId");
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_chef_link_check"
  CHECK (("role" = 'CHEF') = ("chefId" IS NOT NULL));

-- Whether the station lets chefs mark their own events completed from "My events".
ALTER TABLE "Station" ADD COLUMN "chefsMayComplete" boolean NOT NULL DEFAULT false;

-- A booking moved to another chef (time off or a chef leaving the roster): the customer is told.
ALTER TYPE "OutboxKind" ADD VALUE 'BOOKING_CHEF_CHANGED';
