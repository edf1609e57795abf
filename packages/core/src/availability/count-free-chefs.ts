import { getDb } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { chefIsFree } from '../scheduling/chef-is-free.sql';

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

/**
 * Which candidate starts have at least one chef free for the whole window: the date
 * picker's question. `EXISTS` stops at the first free chef, so busy stations cost no
 * more than one probe per chef and open ones one probe per start.
 */
export async function findOpenStarts(options: {
  stationId: string;
  starts: Date[];
  windowMinutes: number;
  db?: Db;
}): Promise<Set<number>> {
  if (options.starts.length === 0) return new Set();
  const db = options.db ?? getDb();
  const rows = await db.$queryRaw<{ starts_at: Date }[]>`
    SELECT s.starts_at
      FROM unnest(${options.starts.map((start) => start.toISOString())}::text[]::timestamptz[]) AS s(starts_at)
     WHERE EXISTS (
       SELECT 1 FROM "Chef" c
        WHERE c."stationId" = ${options.stationId}::uuid
          AND c.active
          AND ${chefIsFree(Prisma.sql`s.starts_at`, Prisma.sql`s.starts_at + make_interval(mins => ${options.windowMinutes}::int)`)})`;
  return new Set(rows.map((row) => new Date(row.starts_at).getTime()));
}
