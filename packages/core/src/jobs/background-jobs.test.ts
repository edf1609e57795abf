import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect } from '../../test/database';
import { startSmtpSink } from '../../test/smtp-sink';

// The env is read once per process (the logger reads it on import), so the sink starts and
// SMTP_URL is set before any core module is loaded.
const received: string[] = [];
const sink = await startSmtpSink(async ({ raw }) => {
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  received.push(raw);
  return undefined;
});
process.env.SMTP_URL = sink.url;
const { startBackgroundJobs, stopBackgroundJobs } = await import('./start-background-jobs');
const { heldBooking, resetStation } = await import('../../test/booking-fixtures');

let client: pg.Client;
beforeAll(async () => {
  client = await connect();
  await resetStation(client, 1);
});
afterAll(async () => {
  await client.end();
  await sink.close();
});

it('delivers the outbox in the background, and shutdown waits for the e-mail being sent', async () => {
  await heldBooking();
  startBackgroundJobs();
  // The job claims the message (attempts 1) and starts a send the server takes 1.5 s to accept.
  await expect
    .poll(
      async () =>
        (await client.query<{ attempts: number }>('SELECT attempts FROM "OutboxMessage"')).rows[0]!
          .attempts,
      { timeout: 10_000, interval: 100 },
    )
    .toBe(1);
  expect(received).toHaveLength(0);

  await stopBackgroundJobs();

  expect(received).toHaveLength(1);
  const { rows } = await client.query<{ status: string }>('SELECT status FROM "OutboxMessage"');
  expect(rows).toEqual([{ status: 'SENT' }]);
}, 20_000);
