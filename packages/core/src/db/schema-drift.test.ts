import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getDMMF } from '@prisma/internals';
import { describe, expect, it } from 'vitest';
import { connect } from '../../test/database';
import { findRepoRoot } from './paths';

/** How Prisma maps scalar types (with their @db attributes) to PostgreSQL column types. */
function expectedColumnType(field: {
  type: string;
  nativeType?: readonly unknown[] | null;
  kind: string;
}): string {
  const native = field.nativeType?.[0];
  if (field.kind === 'enum') return `USER-DEFINED:${field.type}`;
  switch (field.type) {
    case 'String':
      return native === 'Uuid' ? 'uuid' : 'text';
    case 'Int':
      return 'integer';
    case 'BigInt':
      return 'bigint';
    case 'Boolean':
      return 'boolean';
    case 'Json':
      return 'jsonb';
    case 'DateTime':
      if (native === 'Date') return 'date';
      return native === 'Timestamptz' ? 'timestamp with time zone' : 'timestamp without time zone';
    default:
      return `unmapped:${field.type}`;
  }
}

// rate_limits belongs to rate-limiter-flexible (see its migration), not to a Prisma model.
describe('schema.prisma and the migrated database', async () => {
  const datamodel = readFileSync(path.join(findRepoRoot(), 'prisma', 'schema.prisma'), 'utf8');
  const dmmf = await getDMMF({ datamodel });

  it('have the same tables, columns, types and nullability', async () => {
    const client = await connect();
    const { rows } = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: string;
    }>(
      // An array column reads as its element type and "[]" (Prisma's scalar lists).
      `SELECT table_name, column_name, is_nullable, udt_name,
              CASE WHEN data_type = 'ARRAY'
                   THEN (SELECT format_type(typelem, NULL) FROM pg_type WHERE typname = udt_name) || '[]'
                   ELSE data_type END AS data_type
         FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name NOT IN ('_prisma_migrations', 'rate_limits')`,
    );
    await client.end();

    const actual = rows
      .map((row) => {
        const type =
          row.data_type === 'USER-DEFINED' ? `USER-DEFINED:${row.udt_name}` : row.data_type;
        return `${row.table_name}.${row.column_name} ${type} ${row.is_nullable === 'YES' ? 'null' : 'not null'}`;
      })
      .sort();
    const expected = dmmf.datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((field) => field.kind !== 'object')
          .map(
            (field) =>
              `${model.dbName ?? model.name}.${field.dbName ?? field.name} ${expectedColumnType(field)}${field.isList ? '[]' : ''} ${field.isRequired || field.isList ? 'not null' : 'null'}`,
          ),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it('have the same enums and values', async () => {
    const client = await connect();
    const { rows } = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    await client.end();
    const actual = Object.fromEntries(rows.map((row) => [row.name, row.values]));
    const expected = Object.fromEntries(
      dmmf.datamodel.enums.map((e) => [
        e.dbName ?? e.name,
        e.values.map((v) => v.dbName ?? v.name),
      ]),
    );
    expect(actual).toEqual(expected);
  });

  // (exclusion constraints, which Prisma cannot describe, live in the migrations only)
  it('have the same unique constraints and plain indexes', async () => {
    const client = await connect();
    const { rows } = await client.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexdef NOT LIKE '% WHERE %' AND indexname NOT LIKE '%_pkey'
         AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype = 'x')
         AND tablename NOT IN ('rate_limits', '_prisma_migrations')`,
    );
    await client.end();
    const expected = dmmf.datamodel.indexes
      .filter((index) => index.type === 'unique' || index.type === 'normal')
      .map(
        (index) =>
          `${index.model}_${index.fields.map((field) => field.name).join('_')}_${index.type === 'unique' ? 'key' : 'idx'}`,
      );
    expect(rows.map((row) => row.indexname).sort()).toEqual(expected.sort());
  });
});
