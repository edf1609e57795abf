import type pg from 'pg';

/** Polls until `check` holds (a notification arrives asynchronously), or fails after 3 s. */
export async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in 3 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until some session waits for a lock (a concurrent write has reached its conflict). */
export async function untilBlocked(client: pg.Client): Promise<void> {
  await eventually(async () => {
    const { rows } = await client.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted`,
    );
    return rows[0]!.waiting > 0;
  });
}
