import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './browser';

// `pnpm test:dev` (run-dev-smoke.ts) starts `pnpm dev` and passes its addresses here.
const customerUrl = process.env.DEV_SMOKE_CUSTOMER_URL;
const adminUrl = process.env.DEV_SMOKE_ADMIN_URL;
if (!customerUrl || !adminUrl)
  throw new Error('Run the dev smoke test through `pnpm test:dev` (it starts `pnpm dev`).');

/** Every page of both apps under `next dev`: one worker, since each first visit compiles the page. */
export default defineConfig({
  testDir: './dev',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  // (a role opens up to a dozen pages, each compiled on its first visit)
  timeout: 600_000,
  // Traces, screenshots and the report go outside the checkout while `next dev` runs (it
  // watches it: a file written there makes the admin's pages reload themselves, again and
  // again); run-dev-smoke.ts copies them to TEST_RESULTS_DIR afterwards.
  outputDir: path.join(process.env.DEV_SMOKE_OUTPUT_DIR ?? os.tmpdir(), 'dev-smoke-artifacts'),
  reporter: process.env.DEV_SMOKE_OUTPUT_DIR
    ? [
        ['list'],
        [
          'json',
          { outputFile: path.join(process.env.DEV_SMOKE_OUTPUT_DIR, 'playwright-dev.json') },
        ],
      ]
    : [['list']],
  use: { launchOptions: chromiumLaunchOptions, trace: 'retain-on-failure' },
  projects: [
    { name: 'dev-customer', testMatch: 'customer-pages.spec.ts', use: { baseURL: customerUrl } },
    { name: 'dev-admin', testMatch: 'admin-pages.spec.ts', use: { baseURL: adminUrl } },
  ],
});
