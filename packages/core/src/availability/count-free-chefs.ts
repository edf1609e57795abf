import { getDb } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { busyChefs } from '../scheduling/chef-is-free.sql';

type Db = Pick<ReturnType<typeof getDb>, '$queryRaw'>;

type Candidates = {
  stationId: string;
  starts: Date[];
  windowMinutes: number;
  db?: Db;
};

/** The candidates as a table `s(starts_at)`, and the busy table of the span they cover. */
function candidatesWithBusyChefs(options: Candidates): Prisma.Sql {
  const times = options.starts.map((start) => start.getTime());
  const from = new Date(Math.min(...times));
  const until = new Date(Math.max(...times) + options.windowMinutes * 60_000);
  return Prisma.sql`
    WITH busy AS (${busyChefs(options.stationId, from, until)}),
    s AS (SELECT unnest(${options.starts.map((start) => start.toISOString())}::text[]::timestamptz[]) AS starts_at)`;
}

const windowAt = (options: Candidates) =>
  Prisma.sql`tstzrange(s.starts_at, s.starts_at + make_interval(mins => ${options.windowMinutes}::int), '[)')`;

/**
 * For each candidate start, how many active chefs of the station are free for the
 * whole window (event + buffer), in one statement.
 */
export async function countFreeChefs(options: Candidates): Promise<Map<number, number>> {
  if (options.starts.length === 0) return new Map();
  const db = options.db ?? getDb();
  const rows = await db.$queryRaw<{ starts_at: Date; free: number }[]>`
    ${candidatesWithBusyChefs(options)}
    SELECT s.starts_at, count(busy.id)::int AS free
      FROM s LEFT JOIN busy ON NOT busy.ranges && ${windowAt(options)}
     GROUP BY s.starts_at`;
  return new Map(rows.map((row) => [new Date(row.starts_at).getTime(), row.free]));
}

/**
 * Which candidate starts have at least one chef free for the whole window: the date
 * picker's question, for up to a few weeks of start times in one statement.
 */
export async function findOpenStarts(options: Candidates): Promise<Set<number>> {
  if (options.starts.length === 0) return new Set();
  const db = options.db ?? getDb();
  const rows = await db.$queryRaw<{ starts_at: Date }[]>`
    ${candidatesWithBusyChefs(options)}
    SELECT s.starts_at FROM s
     WHERE EXISTS (SELECT 1 FROM busy WHERE NOT busy.ranges && ${windowAt(options)})`;
  return new Set(rows.map((row) => new Date(row.starts_at).getTime()));
}
