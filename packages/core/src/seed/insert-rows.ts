import type pg from 'pg';

export type Column = { name: string; type: string };

/**
 * Bulk insert through `unnest` of one array parameter per column: one round trip per
 * batch, no per-row statements, works on any PostgreSQL.
 */
export async function insertRows(
  client: pg.Client | pg.PoolClient,
  table: string,
  columns: readonly Column[],
  rows: readonly unknown[][],
  options: { batchSize?: number; onBatch?: (count: number) => void } = {},
): Promise<void> {
  const batchSize = options.batchSize ?? 5_000;
  const columnList = columns.map((column) => `"${column.name}"`).join(', ');
  const unnestArgs = columns
    .map((column, index) => `$${index + 1}::${arrayCast(column.type)}`)
    .join(', ');
  const aliases = columns.map((_, index) => `c${index}`);
  // An array column (text[]) cannot be unnested as an array of arrays: each row's value
  // travels as its array literal ("{a,b}") and is cast here.
  const selected = columns
    .map((column, index) =>
      column.type.endsWith('[]') ? `c${index}::${column.type}` : `c${index}`,
    )
    .join(', ');
  const sql = `INSERT INTO "${table}" (${columnList}) SELECT ${selected} FROM unnest(${unnestArgs}) AS r(${aliases.join(', ')})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const params = columns.map((_, columnIndex) => batch.map((row) => row[columnIndex] ?? null));
    await client.query(sql, params);
    options.onBatch?.(batch.length);
  }
}

/** Enum columns travel as text[] and are cast on the server; array columns as literals. */
function arrayCast(type: string): string {
  if (type.endsWith('[]')) return 'text[]';
  return type.startsWith('"') ? `text[]::${type}[]` : `${type}[]`;
}
