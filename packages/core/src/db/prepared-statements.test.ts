import { describe, expect, it } from 'vitest';
import { seal } from '../crypto/field-crypto';
import { Prisma } from '../generated/prisma/client';
import { getDb, preparedAs, runPrepared } from './client';

describe('preparedAs', () => {
  it('prepares a marked statement once per connection, under its name and text hash; others stay unnamed', async () => {
    // A transaction holds one connection, so its pg_prepared_statements is the one to read.
    const names = await getDb().$transaction(async (tx) => {
      await tx.$queryRaw`${preparedAs('probe_statement')} SELECT 1 AS one`;
      await tx.$queryRaw`${preparedAs('probe_statement')} SELECT 1 AS one`;
      await tx.$queryRaw`SELECT 2 AS two`;
      const rows = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements`;
      return rows.map((row) => row.name);
    });
    expect(names.filter((name) => name.startsWith('probe_statement_'))).toHaveLength(1);
    expect(names.every((name) => /^[a-z_]+_[0-9a-f]{16}$/.test(name))).toBe(true);
  });

  it('runs a marked statement on the pool without Prisma: dates as instants, sealed values opened', async () => {
    const zone = process.env.TZ;
    // pg would send a Date in the process's zone; a date cast would then see the day before.
    process.env.TZ = 'America/New_York';
    try {
      const day = new Date('2027-03-01T00:00:00Z');
      const rows = await runPrepared<{ date: string; at: Date; name: string }>(
        Prisma.sql`${preparedAs('probe_run')} SELECT ${day}::date::text AS date,
                   ${day}::timestamptz AS at, ${seal('Jo Tester')}::text AS name`,
      );
      expect(rows).toEqual([{ date: '2027-03-01', at: day, name: 'Jo Tester' }]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    await expect(runPrepared(Prisma.sql`SELECT 1`)).rejects.toThrow(/preparedAs/);
  });

  it('takes plain lowercase names only', () => {
    expect(() => preparedAs('x */ DROP TABLE "Booking"; /*')).toThrow(/a-z and _ only/);
  });
});
