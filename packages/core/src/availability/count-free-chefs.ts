import { getDb } from '../db/client';

type Db = Pick<ReturnType<typeof getDb>, '$queryRaw'>;

/**
 * For each candidate start, how many active chefs of the station are free for the
 * whole window (event + buffer), in one statement. Uses the same range test as the
 * exclusion constraint, so it can use its GiST index; lapsed holds do not count.
 */
export async function countFreeChefs(options: {
  stationId: string;
  starts: Date[];
  windowMinutes: number;
  db?: Db;
}): Promise<Map<number, number>> {
  if (options.starts.length === 0) return new Map();
  const db = options.db ?? getDb();
  const rows = await db.$queryRaw<{ starts_at: Date; free: number }[]>`
    SELECT s.starts_at, count(c.id)::int AS free
      FROM unnest(${options.starts.map((start) => start.toISOString())}::text[]::timestamptz[]) AS s(starts_at)
      LEFT JOIN "Chef" c
        ON c."stationId" = ${options.stationId}::uuid
       AND c.active
       AND NOT EXISTS (
             SELECT 1 FROM "Booking" b
              WHERE b."chefId" = c.id
                AND b.status IN ('PENDING_PAYMENT', 'CONFIRMED')
                AND NOT (b.status = 'PENDING_PAYMENT' AND b."holdExpiresAt" <= now())
                AND tstzrange(b."startsAt", b."blockedUntil", '[)')
                    && tstzrange(s.starts_at, s.starts_at + make_interval(mins => ${options.windowMinutes}::int), '[)'))
     GROUP BY s.starts_at`;
  return new Map(rows.map((row) => [new Date(row.starts_at).getTime(), row.free]));
}
