import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './browser';
import { E2E_DATA_KEYS } from './data-keys';
import { ADMIN_PORT, CUSTOMER_NO_DB_PORT, CUSTOMER_PORT, CUSTOMER_SECOND_PORT } from './ports';

const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl)
  throw new Error('Run the e2e suite through `pnpm test:e2e` (it starts the database).');

const smtpUrl = process.env.E2E_SMTP_URL;
if (!smtpUrl)
  throw new Error('Run the e2e suite through `pnpm test:e2e` (it starts the mail sink).');

const serverEnv = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  NEXT_TELEMETRY_DISABLED: '1',
  BOOKING_TOKEN_SECRET: 'e2e-only-booking-token-secret-0123456789',
  AUTH_SECRET: 'e2e-only-admin-session-secret-0123456789',
  ...E2E_DATA_KEYS,
  // Production builds without Stripe keys: the test-payment simulator, explicitly allowed.
  PAYMENT_SIMULATOR: 'true',
  // Tests act as a proxy: each sends its own X-Forwarded-For so rate limits do not collide.
  TRUSTED_PROXY_HOPS: '1',
  // E-mails go over real SMTP to the run's mail sink; their links point at the e2e server.
  SMTP_URL: smtpUrl,
  // The run's local Sentry sink (the build inlined the same DSN for the browser).
  SENTRY_DSN: process.env.SENTRY_DSN ?? '',
  PUBLIC_CUSTOMER_URL: `http://localhost:${CUSTOMER_PORT}`,
};

/**
 * One app's own production start command (`pnpm start`, on another port: the last `--port`
 * wins); Playwright starts it, waits for /api/health/live, and stops it.
 */
const appStart = (app: 'customer' | 'admin', port: number, database: string) => ({
  command: `pnpm --filter @hibachi/${app} start --port ${port}`,
  url: `http://localhost:${port}/api/health/live`,
  env: { ...serverEnv, DATABASE_URL: database },
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
});

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.TEST_RESULTS_DIR
    ? [['list'], ['json', { outputFile: `${process.env.TEST_RESULTS_DIR}/playwright.json` }]]
    : [['list']],
  use: {
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    {
      name: 'customer',
      testMatch: 'customer/**/*.spec.ts',
      use: { baseURL: `http://localhost:${CUSTOMER_PORT}` },
    },
    {
      name: 'admin',
      testMatch: 'admin/**/*.spec.ts',
      use: { baseURL: `http://localhost:${ADMIN_PORT}` },
    },
    { name: 'platform', testMatch: 'platform/**/*.spec.ts' },
  ],
  webServer: [
    appStart('customer', CUSTOMER_PORT, databaseUrl),
    appStart('admin', ADMIN_PORT, databaseUrl),
    appStart('customer', CUSTOMER_NO_DB_PORT, 'postgres://nowhere.invalid:5432/hibachi'),
    appStart('customer', CUSTOMER_SECOND_PORT, databaseUrl),
  ],
});
