-- Customer conversations (decision 019): a conversation per customer and station, its
-- messages numbered 1, 2, … under the conversation row's lock so that the order of numbers is
-- the order of commits (a stream resumes "after N" without gaps), and each customer message
-- kept once per client message id (a message retried after a lost answer is not doubled).
CREATE TYPE "ConversationStatus" AS ENUM ('OPEN', 'CLOSED');
CREATE TYPE "MessageAuthor" AS ENUM ('CUSTOMER', 'STAFF', 'ASSISTANT', 'SYSTEM');
ALTER TYPE "OutboxKind" ADD VALUE 'CONVERSATION_REPLY';

CREATE TABLE "Conversation" (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "stationId" uuid NOT NULL REFERENCES "Station"(id) ON DELETE RESTRICT,
  "bookingId" uuid REFERENCES "Booking"(id) ON DELETE SET NULL,
  "customerName" text NOT NULL CHECK (length("customerName") BETWEEN 1 AND 100),
  "customerEmail" text NOT NULL CHECK ("customerEmail" = lower("customerEmail")),
  status "ConversationStatus" NOT NULL DEFAULT 'OPEN',
  "assignedToId" uuid REFERENCES "StaffUser"(id) ON DELETE SET NULL,
  "lastSeq" integer NOT NULL DEFAULT 0,
  "lastCustomerSeq" integer NOT NULL DEFAULT 0,
  "staffReadSeq" integer NOT NULL DEFAULT 0,
  "customerReadSeq" integer NOT NULL DEFAULT 0,
  "customerOnlineUntil" timestamptz(3),
  "assistantActive" boolean NOT NULL DEFAULT true,
  "lastMessageAt" timestamptz(3) NOT NULL DEFAULT now(),
  "createdAt" timestamptz(3) NOT NULL DEFAULT now(),
  "updatedAt" timestamptz(3) NOT NULL DEFAULT now(),
  CHECK ("staffReadSeq" <= "lastSeq" AND "customerReadSeq" <= "lastSeq" AND "lastCustomerSeq" <= "lastSeq")
);
CREATE INDEX "Conversation_stationId_lastMessageAt_idx" ON "Conversation" ("stationId", "lastMessageAt" DESC);
CREATE INDEX "Conversation_bookingId_idx" ON "Conversation" ("bookingId");
CREATE INDEX "Conversation_customerEmail_idx" ON "Conversation" ("customerEmail");

CREATE TABLE "ConversationMessage" (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "conversationId" uuid NOT NULL REFERENCES "Conversation"(id) ON DELETE CASCADE,
  seq integer NOT NULL CHECK (seq > 0),
  author "MessageAuthor" NOT NULL,
  "staffUserId" uuid REFERENCES "StaffUser"(id) ON DELETE SET NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  "clientMessageId" uuid,
  "createdAt" timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE ("conversationId", seq),
  UNIQUE ("conversationId", "clientMessageId")
);

-- Admin screens of a station follow its bookings (and season, below) live: one notification per station and
-- statement (not per row, so a bulk write stays cheap), on the channel the live hub listens to.
CREATE FUNCTION notify_live_bookings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE station uuid;
BEGIN
  FOR station IN SELECT DISTINCT "stationId" FROM changed_rows LOOP
    PERFORM pg_notify('live_event', json_build_object('k', 'bookings', 's', station)::text);
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER booking_live_inserted AFTER INSERT ON "Booking"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_live_bookings();
CREATE TRIGGER booking_live_updated AFTER UPDATE ON "Booking"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_live_bookings();
CREATE TRIGGER booking_live_moved_from AFTER UPDATE ON "Booking"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_live_bookings();
CREATE TRIGGER booking_live_deleted AFTER DELETE ON "Booking"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_live_bookings();

-- The season shown on calendars (time off, weekly days off, date rules) follows the same way.
CREATE TRIGGER time_off_live_inserted AFTER INSERT ON "ChefTimeOff"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_live_bookings();
CREATE TRIGGER time_off_live_updated AFTER UPDATE ON "ChefTimeOff"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_live_bookings();
CREATE TRIGGER time_off_live_deleted AFTER DELETE ON "ChefTimeOff"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_live_bookings();
CREATE TRIGGER weekly_off_live_inserted AFTER INSERT ON "ChefWeeklyOff"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_live_bookings();
CREATE TRIGGER weekly_off_live_deleted AFTER DELETE ON "ChefWeeklyOff"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_live_bookings();
CREATE TRIGGER station_date_live_inserted AFTER INSERT ON "StationDate"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_live_bookings();
CREATE TRIGGER station_date_live_updated AFTER UPDATE ON "StationDate"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_live_bookings();
CREATE TRIGGER station_date_live_deleted AFTER DELETE ON "StationDate"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_live_bookings();
