import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import {
  findFreePort,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '../src/db/embedded-postgres';
import { migrate } from '../src/db/migrate';
import { migrationsDirectory } from '../src/db/paths';
import { TEMPLATE_DATABASE } from './database';

declare module 'vitest' {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

let server: EmbeddedDatabase | undefined;
let dataDir: string | undefined;

/**
 * One real PostgreSQL for the run: TEST_DATABASE_URL (an admin connection to any
 * server) or an embedded one in a temp folder. The migrations build a template
 * database that each test file clones (see setup.ts).
 */
export async function setup(project: TestProject): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'hibachi-test-pg-'));
    server = await startEmbeddedPostgres({
      port: await findFreePort(),
      dataDir,
      persistent: false,
    });
    adminUrl = server.url('postgres');
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  await migrate({
    databaseUrl: withDatabase(adminUrl, TEMPLATE_DATABASE),
    migrationsDir: migrationsDirectory(),
  });
  project.provide('adminDatabaseUrl', adminUrl);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
