import 'server-only';
import pg from 'pg';
import {
  blindIndex,
  currentKeyId,
  open,
  seal,
  SEALED_PREFIX,
  sealedKeyId,
} from '../crypto/field-crypto';
import { SEALED_COLUMNS, type SealedColumn } from '../crypto/sealed-columns';

export type SealProgress = { table: string; done: number; total: number };
export type SealPassResult = { sealed: Record<string, number>; skipped: number };

const quote = (name: string) => `"${name}"`;

/** A row needs the pass when a value is plain or under an older key, or an index is missing. */
function pendingCondition(columns: SealedColumn[], prefixParameter: string): string {
  return columns
    .flatMap(({ column, index }) => [
      `(${quote(column)} IS NOT NULL AND ${quote(column)} NOT LIKE ${prefixParameter})`,
      ...(index ? [`(${quote(index.column)} IS NULL AND ${quote(column)} IS NOT NULL)`] : []),
    ])
    .join(' OR ');
}

/**
 * Seals every customer value not yet under the current key: plain text written before
 * encryption (the migration's data pass) and values under an older key (`pnpm
 * data:rotate-key`), filling missing blind indexes. Online and in batches: each batch is one
 * UPDATE that only changes a row whose values are still the ones read, so a write by the app
 * meanwhile (already under the current key) wins and nothing is lost. Resumable: a stopped
 * run leaves done rows done, and the next run starts with what is left.
 */
export async function sealPendingValues(options: {
  databaseUrl: string;
  batchSize?: number;
  onProgress?: (progress: SealProgress) => void;
}): Promise<SealPassResult> {
  const batchSize = options.batchSize ?? 500;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const prefix = `${SEALED_PREFIX}${currentKeyId()}:%`;
  const result: SealPassResult = { sealed: {}, skipped: 0 };
  try {
    for (const [table, columns] of Object.entries(SEALED_COLUMNS)) {
      const pending = pendingCondition(columns, '$1');
      const [{ total } = { total: 0 }] = (
        await client.query<{ total: number }>(
          `SELECT count(*)::int AS total FROM ${quote(table)} WHERE ${pending}`,
          [prefix],
        )
      ).rows;
      let done = 0;
      let cursor = '00000000-0000-0000-0000-000000000000';
      options.onProgress?.({ table, done, total });
      const selected = columns.flatMap(({ column, index }) =>
        (index ? [column, index.column] : [column]).map(quote),
      );
      for (;;) {
        const { rows } = await client.query<Record<string, string | null>>(
          `SELECT id, ${selected.join(', ')} FROM ${quote(table)}
            WHERE id > $2::uuid AND (${pending}) ORDER BY id LIMIT ${batchSize}`,
          [prefix, cursor],
        );
        if (rows.length === 0) break;
        cursor = rows.at(-1)?.id ?? cursor;
        const changes = rows.map((row) => resealed(row, columns));
        const updated = await applyBatch(client, table, columns, changes);
        result.skipped += rows.length - updated;
        done += rows.length;
        result.sealed[table] = (result.sealed[table] ?? 0) + updated;
        options.onProgress?.({ table, done: Math.min(done, total), total });
      }
    }
  } finally {
    await client.end();
  }
  return result;
}

/** The row's values sealed under the current key, and its indexes, from the plaintext. */
function resealed(
  row: Record<string, string | null>,
  columns: SealedColumn[],
): Record<string, string | null> {
  const change: Record<string, string | null> = { id: row.id ?? null };
  const current = currentKeyId();
  for (const { column, index } of columns) {
    const value = row[column] ?? null;
    change[`old_${column}`] = value;
    if (value === null) {
      change[column] = null;
      continue;
    }
    const plain = open(value);
    change[column] = sealedKeyId(value) === current ? value : seal(plain);
    if (index) change[index.column] = row[index.column] ?? blindIndex(index.kind, plain);
  }
  return change;
}

async function applyBatch(
  client: pg.Client,
  table: string,
  columns: SealedColumn[],
  changes: Record<string, string | null>[],
): Promise<number> {
  const names = columns.flatMap(({ column, index }) => [
    column,
    `old_${column}`,
    ...(index ? [index.column] : []),
  ]);
  const record = ['id uuid', ...names.map((name) => `${quote(name)} text`)].join(', ');
  const assignments = columns
    .flatMap(({ column, index }) => [
      `${quote(column)} = v.${quote(column)}`,
      ...(index ? [`${quote(index.column)} = v.${quote(index.column)}`] : []),
    ])
    .join(', ');
  const unchanged = columns
    .map(({ column }) => `t.${quote(column)} IS NOT DISTINCT FROM v.${quote(`old_${column}`)}`)
    .join(' AND ');
  const { rowCount } = await client.query(
    `UPDATE ${quote(table)} t SET ${assignments}
       FROM jsonb_to_recordset($1::jsonb) AS v(${record})
      WHERE t.id = v.id AND ${unchanged}`,
    [JSON.stringify(changes)],
  );
  return rowCount ?? 0;
}
