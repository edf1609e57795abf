-- Initial schema. Mirrors prisma/schema.prisma (a test keeps them equal) and adds
-- what Prisma cannot express: btree_gist + the chef no-overlap exclusion
-- constraint, CHECK constraints and partial indexes.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- CreateEnum
CREATE TYPE "BookingStatus" AS ENUM ('PENDING_PAYMENT', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW', 'EXPIRED');
CREATE TYPE "PaymentMethod" AS ENUM ('CARD', 'CASH', 'CHECK');
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED', 'PARTIALLY_REFUNDED');
CREATE TYPE "StaffRole" AS ENUM ('SUPER_ADMIN', 'MANAGER', 'STAFF');
CREATE TYPE "ActorType" AS ENUM ('STAFF', 'CUSTOMER', 'SYSTEM');
CREATE TYPE "OutboxKind" AS ENUM ('BOOKING_CONFIRMATION', 'BOOKING_RESCHEDULED', 'BOOKING_CANCELLED', 'REFUND_ISSUED');
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Station" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "serviceStartMinute" INTEGER NOT NULL DEFAULT 660,
    "serviceEndMinute" INTEGER NOT NULL DEFAULT 1320,
    "slotIntervalMinutes" INTEGER NOT NULL DEFAULT 30,
    "adultPriceCents" INTEGER NOT NULL,
    "childPriceCents" INTEGER NOT NULL,
    "minimumCents" INTEGER NOT NULL,
    "depositCents" INTEGER NOT NULL,
    "minimumNoticeHours" INTEGER NOT NULL DEFAULT 48,
    "cancellationNoticeHours" INTEGER NOT NULL DEFAULT 48,
    "bufferMinutes" INTEGER NOT NULL DEFAULT 60,
    "holdMinutes" INTEGER NOT NULL DEFAULT 15,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Station_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Station_service_hours_check" CHECK ("serviceStartMinute" BETWEEN 0 AND 1439 AND "serviceEndMinute" BETWEEN 0 AND 1439 AND "serviceStartMinute" <= "serviceEndMinute"),
    CONSTRAINT "Station_slot_interval_check" CHECK ("slotIntervalMinutes" BETWEEN 5 AND 240),
    CONSTRAINT "Station_prices_check" CHECK ("adultPriceCents" >= 0 AND "childPriceCents" >= 0 AND "minimumCents" >= 0 AND "depositCents" >= 0),
    CONSTRAINT "Station_policies_check" CHECK ("minimumNoticeHours" >= 0 AND "cancellationNoticeHours" >= 0 AND "bufferMinutes" >= 0 AND "holdMinutes" > 0)
);

CREATE TABLE "Chef" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "stationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Chef_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Customer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Customer_email_lowercase_check" CHECK ("email" = lower("email"))
);

CREATE TABLE "Booking" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reference" TEXT NOT NULL,
    "stationId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "chefId" UUID NOT NULL,
    "eventDate" DATE NOT NULL,
    "startTime" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "blockedUntil" TIMESTAMPTZ(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL DEFAULT 120,
    "adults" INTEGER NOT NULL,
    "children" INTEGER NOT NULL DEFAULT 0,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "city" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "specialRequests" TEXT,
    "totalCents" INTEGER NOT NULL,
    "depositCents" INTEGER NOT NULL,
    "status" "BookingStatus" NOT NULL DEFAULT 'PENDING_PAYMENT',
    "holdExpiresAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "cancellationReason" TEXT,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Booking_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Booking_start_time_check" CHECK ("startTime" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
    CONSTRAINT "Booking_duration_check" CHECK ("durationMinutes" BETWEEN 60 AND 480),
    CONSTRAINT "Booking_window_check" CHECK ("endsAt" > "startsAt" AND "blockedUntil" >= "endsAt"),
    CONSTRAINT "Booking_party_size_check" CHECK ("adults" >= 0 AND "children" >= 0 AND "adults" + "children" BETWEEN 1 AND 50),
    CONSTRAINT "Booking_money_check" CHECK ("totalCents" >= 0 AND "depositCents" >= 0 AND "depositCents" <= "totalCents"),
    CONSTRAINT "Booking_special_requests_length_check" CHECK (char_length("specialRequests") <= 500),
    CONSTRAINT "Booking_hold_check" CHECK ("status" <> 'PENDING_PAYMENT' OR "holdExpiresAt" IS NOT NULL),
    CONSTRAINT "Booking_version_check" CHECK ("version" >= 1)
);

CREATE TABLE "Payment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "bookingId" UUID NOT NULL,
    "stationId" UUID NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "refundedCents" INTEGER NOT NULL DEFAULT 0,
    "method" "PaymentMethod" NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "providerRef" TEXT,
    "note" TEXT,
    "recordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Payment_amount_check" CHECK ("amountCents" > 0 AND "refundedCents" >= 0 AND "refundedCents" <= "amountCents")
);

CREATE TABLE "StaffUser" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "stationId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "StaffUser_email_lowercase_check" CHECK ("email" = lower("email")),
    CONSTRAINT "StaffUser_station_scope_check" CHECK (("role" = 'SUPER_ADMIN') = ("stationId" IS NULL)),
    CONSTRAINT "StaffUser_failed_login_check" CHECK ("failedLoginCount" >= 0)
);

CREATE TABLE "AuditLog" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "stationId" UUID,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "OutboxKind" NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "bookingId" UUID,
    "stationId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "IdempotencyKey" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "responseStatus" INTEGER,
    "responseBody" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ProcessedWebhookEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedWebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Station_slug_key" ON "Station"("slug");
CREATE INDEX "Chef_stationId_idx" ON "Chef"("stationId");
CREATE UNIQUE INDEX "Customer_email_key" ON "Customer"("email");
CREATE UNIQUE INDEX "Booking_reference_key" ON "Booking"("reference");
CREATE INDEX "Booking_stationId_startsAt_idx" ON "Booking"("stationId", "startsAt");
CREATE INDEX "Booking_stationId_status_startsAt_idx" ON "Booking"("stationId", "status", "startsAt");
CREATE INDEX "Booking_stationId_createdAt_idx" ON "Booking"("stationId", "createdAt");
CREATE INDEX "Booking_chefId_startsAt_idx" ON "Booking"("chefId", "startsAt");
CREATE INDEX "Booking_customerId_eventDate_idx" ON "Booking"("customerId", "eventDate");
CREATE UNIQUE INDEX "Payment_providerRef_key" ON "Payment"("providerRef");
CREATE INDEX "Payment_bookingId_idx" ON "Payment"("bookingId");
CREATE INDEX "Payment_stationId_createdAt_idx" ON "Payment"("stationId", "createdAt");
CREATE INDEX "Payment_stationId_status_createdAt_idx" ON "Payment"("stationId", "status", "createdAt");
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");
CREATE INDEX "StaffUser_stationId_idx" ON "StaffUser"("stationId");
CREATE INDEX "AuditLog_entityType_entityId_createdAt_idx" ON "AuditLog"("entityType", "entityId", "createdAt");
CREATE INDEX "AuditLog_stationId_createdAt_idx" ON "AuditLog"("stationId", "createdAt");
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");
CREATE INDEX "OutboxMessage_bookingId_idx" ON "OutboxMessage"("bookingId");
CREATE UNIQUE INDEX "IdempotencyKey_scope_key_key" ON "IdempotencyKey"("scope", "key");
CREATE INDEX "IdempotencyKey_expiresAt_idx" ON "IdempotencyKey"("expiresAt");

-- Partial indexes (not expressible in schema.prisma)
-- Rule 3: a customer holds at most one active booking per date; the database has the last word.
CREATE UNIQUE INDEX "Booking_customer_active_date_key" ON "Booking"("customerId", "eventDate")
    WHERE "status" IN ('PENDING_PAYMENT', 'CONFIRMED');
-- The hold-expiry sweep reads only pending bookings.
CREATE INDEX "Booking_pending_hold_idx" ON "Booking"("holdExpiresAt")
    WHERE "status" = 'PENDING_PAYMENT';

-- Rule 1: a chef is never in two overlapping events, travel/cleanup buffer included.
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_chef_no_overlap"
    EXCLUDE USING gist ("chefId" WITH =, tstzrange("startsAt", "blockedUntil", '[)') WITH &&)
    WHERE ("status" IN ('PENDING_PAYMENT', 'CONFIRMED'));

-- AddForeignKey
ALTER TABLE "Chef" ADD CONSTRAINT "Chef_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_chefId_fkey" FOREIGN KEY ("chefId") REFERENCES "Chef"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
