import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../test/database';
import { loseADeadlock } from '../../test/locks';
import { insertStation } from '../../test/factories';
import { translateDatabaseError } from '../errors';
import { inTransaction } from './transaction';
import { itNeedsPostgresTimers } from '../../test/shifted-clock';

describe('inTransaction', () => {
  let client: Awaited<ReturnType<typeof connect>>;
  let first: string;
  let second: string;
  beforeAll(async () => {
    client = await connect();
    first = await insertStation(client, 'transaction-first');
    second = await insertStation(client, 'transaction-second');
  });
  afterAll(async () => {
    await client.query(`DELETE FROM "Station" WHERE slug LIKE 'transaction-%'`);
    await client.end();
  });

  itNeedsPostgresTimers(
    'runs the work again when PostgreSQL ends it to break a deadlock, keeping only the last run',
    async () => {
      // The work locks the first station, then the second; another session holds the second
      // and then asks for the first. PostgreSQL ends the work's transaction, and its first
      // run's write is rolled back.
      let runs = 0;
      const work = loseADeadlock(
        client,
        () =>
          inTransaction(async (tx) => {
            runs += 1;
            await tx.$executeRaw`UPDATE "Station" SET "minimumNoticeHours" = "minimumNoticeHours" + 1 WHERE id = ${first}::uuid`;
            await tx.$executeRaw`UPDATE "Station" SET "minimumNoticeHours" = "minimumNoticeHours" + 1 WHERE id = ${second}::uuid`;
            return runs;
          }),
        [`SELECT 1 FROM "Station" WHERE id = $1 FOR UPDATE`, [second]],
        [`SELECT 1 FROM "Station" WHERE id = $1 FOR UPDATE`, [first]],
      );
      await expect(work).resolves.toBe(2);
      const { rows } = await client.query<{ notice: number }>(
        `SELECT "minimumNoticeHours" AS notice FROM "Station" WHERE id = ANY($1::uuid[]) ORDER BY slug`,
        [[first, second]],
      );
      expect(rows.map((row) => row.notice)).toEqual([49, 49]);
    },
  );

  it('gives up after three lost runs, and the error then answers 503 with Retry-After', async () => {
    let runs = 0;
    const lost = inTransaction(async () => {
      runs += 1;
      throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    });
    const error: unknown = await lost.catch((caught: unknown) => caught);
    expect(runs).toBe(3);
    expect(translateDatabaseError(error)).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '1' },
    });
  });

  it('runs work that fails for any other reason once', async () => {
    let runs = 0;
    const failing = inTransaction(async () => {
      runs += 1;
      throw Object.assign(new Error('duplicate key'), { code: '23505' });
    });
    await expect(failing).rejects.toThrow('duplicate key');
    expect(runs).toBe(1);
  });
});
