// `pnpm bench:http --only booking --profile`: where the app's database connections spend a
// booking run. pg_stat_activity is sampled every few milliseconds; each sample of an app
// connection counts once under what it was doing (running, waiting on a lock, idle in a
// transaction, or idle: waiting for the app), so the shares estimate the time per state.
import pg from 'pg';

export type Sampler = { stop: () => Promise<string[]> };

type Sample = { app: string; state: string; wait: string; statement: string };

/** Which of the booking path's statements a connection is on (its first words, or its prepared name). */
function statementOf(query: string): string {
  const prepared = /\/\* prepared:([a-z_]+) \*\//.exec(query)?.[1];
  if (prepared) return prepared;
  return query.replace(/\s+/g, ' ').trim().slice(0, 60);
}

export async function sampleDatabase(databaseUrl: string, everyMs = 5): Promise<Sampler> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'sampler' });
  await client.connect();
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<Sample>(`
        SELECT application_name AS app, coalesce(state, '') AS state,
               coalesce(wait_event_type || ':' || wait_event, '') AS wait, query AS statement
          FROM pg_stat_activity
         WHERE application_name LIKE 'hibachi%' AND backend_type = 'client backend'`);
      samples += 1;
      for (const row of rows) {
        const doing =
          row.state === 'active'
            ? `${row.wait || 'running'} · ${statementOf(row.statement)}`
            : row.state;
        const key = `${row.app} · ${doing}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await client.end();
      const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
      return [
        `database sampler: ${samples} samples of the app's connections (shares of connection-time)`,
        ...[...counts.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 25)
          .map(
            ([key, count]) =>
              `  ${((count / total) * 100).toFixed(1).padStart(5)}%  ${(count / samples).toFixed(2).padStart(5)} conns  ${key}`,
          ),
      ];
    },
  };
}
