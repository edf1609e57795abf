import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connect, createTestDatabase } from '../../test/database';
import { migrate, MigrationError } from './migrate';
import { migrationsDirectory } from './paths';

const ALL_MIGRATIONS = readdirSync(migrationsDirectory(), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function copyMigrations(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hibachi-migrations-'));
  cpSync(migrationsDirectory(), dir, { recursive: true });
  return dir;
}

describe('migrate', () => {
  it('applies every migration once, records it like Prisma, and is a no-op the second time', async () => {
    const url = await createTestDatabase('migrate_fresh', { empty: true });
    const first = await migrate({ databaseUrl: url, migrationsDir: migrationsDirectory() });
    expect(first.applied).toEqual(ALL_MIGRATIONS);
    expect(ALL_MIGRATIONS[0]).toBe('20261122000000_init');

    const second = await migrate({ databaseUrl: url, migrationsDir: migrationsDirectory() });
    expect(second).toEqual({ applied: [], alreadyApplied: ALL_MIGRATIONS.length });

    const client = await connect(url);
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations"
        WHERE migration_name = '20261122000000_init'`,
    );
    await client.end();
    const sql = readFileSync(
      path.join(migrationsDirectory(), '20261122000000_init', 'migration.sql'),
    );
    expect(rows[0]).toMatchObject({
      migration_name: '20261122000000_init',
      checksum: createHash('sha256').update(sql).digest('hex'),
      applied_steps_count: 1,
      rolled_back_at: null,
    });
    expect(rows[0].finished_at).toBeInstanceOf(Date);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const url = await createTestDatabase('migrate_edited', { empty: true });
    const dir = copyMigrations();
    await migrate({ databaseUrl: url, migrationsDir: dir });
    const file = path.join(dir, '20261122000000_init', 'migration.sql');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n-- a sneaky edit\n`);

    await expect(migrate({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(MigrationError);
    await expect(migrate({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(
      /was edited after it was applied/,
    );
  });

  it('rolls back a failing migration completely and records nothing', async () => {
    const url = await createTestDatabase('migrate_failing', { empty: true });
    const dir = copyMigrations();
    mkdirSync(path.join(dir, '20991231000000_broken'));
    writeFileSync(
      path.join(dir, '20991231000000_broken', 'migration.sql'),
      'CREATE TABLE "Half" (id int);\nSELECT no_such_function();\n',
    );
    await expect(migrate({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(
      /20991231000000_broken failed/,
    );

    const client = await connect(url);
    const names = await client.query('SELECT migration_name FROM "_prisma_migrations" ORDER BY 1');
    const half = await client.query(`SELECT to_regclass('"Half"') AS table`);
    await client.end();
    expect(names.rows.map((row) => row.migration_name)).toEqual(ALL_MIGRATIONS);
    expect(half.rows[0].table).toBeNull();
  });

  it('is safe when two instances migrate at once (advisory lock)', async () => {
    const url = await createTestDatabase('migrate_concurrent', { empty: true });
    const results = await Promise.all([
      migrate({ databaseUrl: url, migrationsDir: migrationsDirectory() }),
      migrate({ databaseUrl: url, migrationsDir: migrationsDirectory() }),
    ]);
    expect(results.map((result) => result.applied.length).sort()).toEqual([
      0,
      ALL_MIGRATIONS.length,
    ]);
  });
});
