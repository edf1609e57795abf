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
  const sql = `INSERT INTO "${table}" (${columnList}) SELECT * FROM unnest(${unnestArgs})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const params = columns.map((_, columnIndex) => batch.map((row) => row[columnIndex] ?? null));
    await client.query(sql, params);
    options.onBatch?.(batch.length);
  }
}

/** Enum columns travel as text[] and are cast on the server. */
function arrayCast(type: string): string {
  return type.startsWith('"') ? `text[]::${type}[]` : `${type}[]`;
}
