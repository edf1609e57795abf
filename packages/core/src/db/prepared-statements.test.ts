import { describe, expect, it } from 'vitest';
import { getDb, preparedAs } from './client';

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

  it('takes plain lowercase names only', () => {
    expect(() => preparedAs('x */ DROP TABLE "Booking"; /*')).toThrow(/a-z and _ only/);
  });
});
