-- Counters for rate-limiter-flexible's PostgreSQL store (shared by every app instance).
-- Not a Prisma model: the library reads and writes it with its own atomic upsert.
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) PRIMARY KEY,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT
);
CREATE INDEX "rate_limits_expire_idx" ON "rate_limits"("expire");
