import { getDb, preparedAs } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { busyChefs } from '../scheduling/chef-is-free.sql';

type Db = Pick<ReturnType<typeof getDb>, '$queryRaw'>;

type Candidates = {
  stationId: string;
  /** The station's zone: a start's local date and minute decide which date rule applies. */
  timezone: string;
  starts: Date[];
  windowMinutes: number;
  db?: Db;
};

/**
 * Why a start is not offered whatever the chefs: its date is closed, or outside that date's
 * own hours (season: StationDate). Null when the station's usual hours apply.
 */
export type Ruled = 'closed' | 'outside' | null;

/** The candidates as a table `s(starts_at)`, and the busy table of the span they cover. */
function candidatesWithBusyChefs(options: Candidates): Prisma.Sql {
  const times = options.starts.map((start) => start.getTime());
  const from = new Date(Math.min(...times));
  const until = new Date(Math.max(...times) + options.windowMinutes * 60_000);
  return Prisma.sql`
    WITH busy AS (${busyChefs(options.stationId, from, until)}),
    -- The few date rules of the span, joined to each start by its local date (a hash join).
    rules AS (
      SELECT date, closed, "firstStartMinute", "lastStartMinute" FROM "StationDate"
       WHERE "stationId" = ${options.stationId}::uuid
         AND date BETWEEN (${from}::timestamptz AT TIME ZONE ${options.timezone})::date
                      AND (${until}::timestamptz AT TIME ZONE ${options.timezone})::date),
    s AS (
      SELECT starts_at,
             CASE WHEN r.closed THEN 'closed'
                  WHEN r.date IS NOT NULL
                   AND extract(hour FROM local) * 60 + extract(minute FROM local)
                       NOT BETWEEN r."firstStartMinute" AND r."lastStartMinute" THEN 'outside' END AS ruled
        FROM unnest(${options.starts.map((start) => start.toISOString())}::text[]::timestamptz[]) AS starts_at
        CROSS JOIN LATERAL (SELECT starts_at AT TIME ZONE ${options.timezone} AS local) l
        LEFT JOIN rules r ON r.date = l.local::date)`;
}

const windowAt = (options: Candidates) =>
  Prisma.sql`tstzrange(s.starts_at, s.starts_at + make_interval(mins => ${options.windowMinutes}::int), '[)')`;

/** What an answer depends on besides the rows: the moment its first counted hold lapses. */
type Lapsing = { holdsLapseAt: number | null };
const firstLapse = (rows: { holds_lapse_at: Date | null }[]): number | null =>
  rows[0]?.holds_lapse_at ? new Date(rows[0].holds_lapse_at).getTime() : null;
const FIRST_LAPSE = Prisma.sql`(SELECT min(holds_lapse_at) FROM busy) AS holds_lapse_at`;

/**
 * For each candidate start, how many active chefs of the station are free for the
 * whole window (event + buffer), in one statement.
 */
export async function countFreeChefs(
  options: Candidates,
): Promise<Lapsing & { free: Map<number, number>; ruled: Map<number, Ruled> }> {
  if (options.starts.length === 0) return { free: new Map(), ruled: new Map(), holdsLapseAt: null };
  const db = options.db ?? getDb();
  const rows = await db.$queryRaw<
    { starts_at: Date; ruled: Ruled; free: number; holds_lapse_at: Date | null }[]
  >`${preparedAs('count_free_chefs')}
    ${candidatesWithBusyChefs(options)}
    SELECT s.starts_at, s.ruled, count(busy.id)::int AS free, ${FIRST_LAPSE}
      FROM s LEFT JOIN busy ON NOT busy.ranges && ${windowAt(options)}
     GROUP BY s.starts_at, s.ruled`;
  return {
    free: new Map(rows.map((row) => [new Date(row.starts_at).getTime(), row.free])),
    ruled: ruledOf(rows),
    holdsLapseAt: firstLapse(rows),
  };
}

/**
 * For each candidate start, which active chefs of the station are free for the whole window
 * (what staff choosing a chef for a phone order see), in one statement.
 */
export async function listFreeChefs(
  options: Candidates,
): Promise<{ free: Map<number, string[]>; ruled: Map<number, Ruled> }> {
  if (options.starts.length === 0) return { free: new Map(), ruled: new Map() };
  const db = options.db ?? getDb();
  const rows = await db.$queryRaw<
    { starts_at: Date; ruled: Ruled; free: string[] }[]
  >`${preparedAs('list_free_chefs')}
    ${candidatesWithBusyChefs(options)}
    SELECT s.starts_at, s.ruled,
           coalesce(array_agg(busy.id::text) FILTER (WHERE busy.id IS NOT NULL), '{}') AS free
      FROM s LEFT JOIN busy ON NOT busy.ranges && ${windowAt(options)}
     GROUP BY s.starts_at, s.ruled`;
  return {
    free: new Map(rows.map((row) => [new Date(row.starts_at).getTime(), row.free])),
    ruled: ruledOf(rows),
  };
}

const ruledOf = (rows: { starts_at: Date; ruled: Ruled }[]) =>
  new Map(
    rows.filter((row) => row.ruled).map((row) => [new Date(row.starts_at).getTime(), row.ruled]),
  );

/**
 * Which candidate starts have at least one chef free for the whole window: the date
 * picker's question, for up to a few weeks of start times in one statement.
 */
export async function findOpenStarts(
  options: Candidates,
): Promise<Lapsing & { open: Set<number>; ruled: Map<number, Ruled> }> {
  if (options.starts.length === 0) return { open: new Set(), ruled: new Map(), holdsLapseAt: null };
  const db = options.db ?? getDb();
  const rows = await db.$queryRaw<
    { starts_at: Date; ruled: Ruled; open: boolean; holds_lapse_at: Date | null }[]
  >`${preparedAs('find_open_starts')}
    ${candidatesWithBusyChefs(options)}
    SELECT s.starts_at, s.ruled,
           s.ruled IS NULL AND EXISTS (SELECT 1 FROM busy WHERE NOT busy.ranges && ${windowAt(options)}) AS open,
           ${FIRST_LAPSE}
      FROM s`;
  return {
    open: new Set(rows.filter((row) => row.open).map((row) => new Date(row.starts_at).getTime())),
    ruled: ruledOf(rows),
    holdsLapseAt: firstLapse(rows),
  };
}
