import { getDb } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { chefIsFree } from './chef-is-free.sql';

type Db = Pick<ReturnType<typeof getDb>, '$queryRaw'>;

/**
 * For each candidate start, how many active chefs of the station are free for the
 * whole window (event + buffer), in one statement.
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
       AND ${chefIsFree(Prisma.sql`s.starts_at`, Prisma.sql`s.starts_at + make_interval(mins => ${options.windowMinutes}::int)`)}
     GROUP BY s.starts_at`;
  return new Map(rows.map((row) => [new Date(row.starts_at).getTime(), row.free]));
}
