-- A new staff account (or a password reset) is e-mailed a one-time set-password link through
-- the outbox. The link itself is not stored: delivery signs it again from the account.
ALTER TYPE "OutboxKind" ADD VALUE 'STAFF_SET_PASSWORD';

-- When the account's own password was set (null: a set-password link is waiting). Accounts
-- that exist already have set theirs.
ALTER TABLE "StaffUser" ADD COLUMN "passwordSetAt" timestamptz(3);
UPDATE "StaffUser" SET "passwordSetAt" = "createdAt";
