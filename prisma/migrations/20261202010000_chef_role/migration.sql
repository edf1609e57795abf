-- A chef signs in to see their own events (on its own: a new enum value cannot be used in the
-- transaction that adds it).
ALTER TYPE "StaffRole" ADD VALUE 'CHEF';
