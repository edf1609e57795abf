import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bookingInput, daysAhead, resetStation } from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { startSmtpSink } from '../../test/smtp-sink';
import { createBooking } from '../bookings';
import { logger } from '../logger';
import { BREAKERS, breakerOpen, resetBreakers } from '../platform/breakers';
import { deliverDueEmails, MAX_DELIVERY_ATTEMPTS, type DeliveryResult } from './deliver-outbox';
import { createSmtpTransport, type EmailTransport } from './email-transport';

/** A delivery result: the counts given, zero for the rest. */
const outcome = (counts: Partial<DeliveryResult>): DeliveryResult => ({
  sent: 0,
  retrying: 0,
  failed: 0,
  skipped: 0,
  ...counts,
});

type Received = { to: string[]; raw: string; text: string; messageId: string };

/** A real SMTP server that keeps what it accepts; `refuseWith` makes it answer an SMTP error. */
async function startSmtpServer() {
  const received: Received[] = [];
  let refusal: Error | undefined;
  let delayMs = 0;
  const sink = await startSmtpSink(async ({ to, raw }) => {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (refusal) return refusal;
    received.push({
      to,
      raw,
      text: decodeBody(raw),
      messageId: /^Message-ID: (.+)$/im.exec(raw)?.[1]?.trim() ?? '',
    });
    return undefined;
  });
  return {
    ...sink,
    received,
    answerAfter(ms: number) {
      delayMs = ms;
    },
    refuseWith(code: number | undefined, message = 'Refused') {
      refusal =
        code === undefined ? undefined : Object.assign(new Error(message), { responseCode: code });
    },
  };
}

/** The text part of a single-part message (quoted-printable or 7bit). */
function decodeBody(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  return body
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\r\n/g, '\n');
}

describe('e-mail outbox delivery', () => {
  let client: pg.Client;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let transport: EmailTransport;

  beforeEach(async () => {
    resetBreakers();
    client = await connect();
    await resetStation(client, 2);
    smtp = await startSmtpServer();
    transport = createSmtpTransport(smtp.url);
  });
  afterEach(async () => {
    transport.close();
    await smtp.close();
    await client.end();
    vi.restoreAllMocks();
  });

  async function book(email = 'pat.owner@example.com') {
    const result = await createBooking({
      input: bookingInput({ customer: { name: 'Pat Owner', email, phone: '+15550102000' } }),
    });
    return (result.body as { reference: string }).reference;
  }

  async function outbox() {
    return (
      await client.query<{
        id: string;
        status: string;
        attempts: number;
        lastError: string | null;
        nextAttemptAt: Date;
        sentAt: Date | null;
      }>(
        'SELECT id, status, attempts, "lastError", "nextAttemptAt", "sentAt" FROM "OutboxMessage" ORDER BY "createdAt"',
      )
    ).rows;
  }

  it('sends a held booking its e-mail (deposit link, local times, stable Message-ID) and marks it sent once', async () => {
    const reference = await book();
    const [queued] = await outbox();

    expect(await deliverDueEmails({ transport })).toEqual(outcome({ sent: 1 }));
    expect(await deliverDueEmails({ transport })).toEqual(outcome({}));

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['pat.owner@example.com']);
    expect(mail.messageId).toBe(`<outbox-${queued!.id}@hibachi.example>`);
    expect(mail.raw).toMatch(/^From: Hibachi at Home <bookings@hibachi\.example>$/m);
    expect(mail.text).toContain('Hi Pat,');
    expect(mail.text).toContain(`Booking   ${reference}`);
    expect(mail.text).toMatch(
      /When {6}\w+day, \w+ \d+, \d{4}, 6:00 PM to 8:00 PM \(Test Station time\)/,
    );
    expect(mail.text).toMatch(
      new RegExp(
        `Pay the \\$\\d+(\\.\\d{2})? deposit to confirm it: http://localhost:3000/pay/${reference}\\?token=\\d+\\.[\\w-]{43}`,
      ),
    );
    expect(mail.text).toContain(`http://localhost:3000/manage/${reference}?token=`);
    const [sent] = await outbox();
    expect(sent).toMatchObject({ status: 'SENT', attempts: 1, lastError: null });
    expect(sent!.sentAt).toBeInstanceOf(Date);
  });

  it('retries a temporary SMTP refusal with back-off, then sends', async () => {
    await book();
    smtp.refuseWith(451, 'Try again later');
    const now = new Date();

    expect(await deliverDueEmails({ transport, now })).toEqual(outcome({ retrying: 1 }));
    const [waiting] = await outbox();
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(waiting!.lastError).toMatch(/^SMTP 451/);
    expect(waiting!.nextAttemptAt.getTime()).toBe(now.getTime() + 30_000);

    smtp.refuseWith(undefined);
    const soon = new Date(now.getTime() + 29_000);
    expect(await deliverDueEmails({ transport, now: soon })).toEqual(outcome({}));
    const later = new Date(now.getTime() + 30_000);
    expect(await deliverDueEmails({ transport, now: later })).toEqual(outcome({ sent: 1 }));
    expect(await outbox()).toMatchObject([{ status: 'SENT', attempts: 2, lastError: null }]);
  });

  it('gives up at once on a permanent refusal, and after the last attempt on temporary ones', async () => {
    await book('first@example.com');
    smtp.refuseWith(550, 'Mailbox unavailable');
    expect(await deliverDueEmails({ transport })).toEqual(outcome({ failed: 1 }));
    expect(await outbox()).toMatchObject([{ status: 'FAILED', attempts: 1 }]);

    await client.query('TRUNCATE "OutboxMessage"');
    await book('second@example.com');
    await client.query('UPDATE "OutboxMessage" SET attempts = $1', [MAX_DELIVERY_ATTEMPTS - 1]);
    smtp.refuseWith(421, 'Service not available');
    expect(await deliverDueEmails({ transport })).toEqual(outcome({ failed: 1 }));
    const [given] = await outbox();
    expect(given).toMatchObject({ status: 'FAILED', attempts: MAX_DELIVERY_ATTEMPTS });
    expect(given!.lastError).toMatch(/^SMTP 421/);
    expect(smtp.received).toHaveLength(0);
  });

  it('keeps the message when the mail server cannot be reached', async () => {
    await book();
    await smtp.close();
    expect(await deliverDueEmails({ transport })).toEqual(outcome({ retrying: 1 }));
    const [waiting] = await outbox();
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(waiting!.lastError).toMatch(/^E\w+/);
    smtp = await startSmtpServer();
  });

  it('stops trying a failing mail server after three refusals: the rest wait without spending an attempt', async () => {
    for (const [day, name] of ['a', 'b', 'c', 'd', 'e'].entries())
      await createBooking({
        input: bookingInput({
          date: daysAhead(10 + day),
          customer: { name: 'Pat Owner', email: `${name}@example.com`, phone: '+15550102000' },
        }),
      });
    smtp.refuseWith(451, 'Try again later');
    const now = new Date();
    expect(await deliverDueEmails({ transport, now })).toEqual(outcome({ retrying: 5 }));
    expect(breakerOpen('smtp')).toBe(true);
    const rows = await outbox();
    expect(rows.map((row) => row.attempts).sort()).toEqual([0, 0, 1, 1, 1]);
    const untried = rows.filter((row) => row.attempts === 0);
    for (const row of untried)
      expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + BREAKERS.smtp.halfOpenAfterMs);
    // While open, a delivery round sends nothing and asks the server nothing.
    smtp.refuseWith(undefined);
    const later = new Date(now.getTime() + 60_000);
    expect(breakerOpen('smtp')).toBe(true);
    resetBreakers();
    expect(await deliverDueEmails({ transport, now: later })).toEqual(outcome({ sent: 5 }));
  });

  it('six instances delivering at the same time send every message exactly once', async () => {
    await book();
    const bookingId = (await client.query<{ id: string }>('SELECT id FROM "Booking"')).rows[0]!.id;
    await client.query(
      `INSERT INTO "OutboxMessage" (kind, recipient, subject, payload, "bookingId")
       SELECT 'BOOKING_CANCELLED', 'pat.owner@example.com', 'Cancelled ' || n,
              '{"refund":{"reason":"No payment was taken."}}'::jsonb, $1
         FROM generate_series(1, 29) AS n`,
      [bookingId],
    );
    const instances = Array.from({ length: 6 }, () => createSmtpTransport(smtp.url));
    const drain = async (instance: EmailTransport) => {
      let sent = 0;
      for (;;) {
        const result = await deliverDueEmails({ transport: instance, batchSize: 3 });
        if (result.sent === 0) return sent;
        sent += result.sent;
      }
    };
    const counts = await Promise.all(instances.map(drain));
    for (const instance of instances) instance.close();

    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(30);
    expect(counts.filter((count) => count > 0).length).toBeGreaterThan(1);
    expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(30);
    expect((await outbox()).every((row) => row.status === 'SENT' && row.attempts === 1)).toBe(true);
  });

  it('fails a message whose payload does not fit its kind, without sending it', async () => {
    await book();
    await client.query(`UPDATE "OutboxMessage" SET kind = 'REFUND_ISSUED', payload = '{}'`);
    expect(await deliverDueEmails({ transport })).toEqual(outcome({ failed: 1 }));
    expect(smtp.received).toHaveLength(0);
  });

  it('logs which message failed, never the recipient', async () => {
    await book('private.person@example.com');
    const warn = vi.spyOn(logger, 'warn');
    smtp.refuseWith(550, '<private.person@example.com>: Recipient address rejected');
    await deliverDueEmails({ transport });
    expect(warn).toHaveBeenCalledTimes(1);
    const logged = JSON.stringify(warn.mock.calls);
    expect(logged).toContain('outboxId');
    expect(logged).not.toContain('private.person');
  });

  it('skips a "pay to confirm" e-mail whose hold ended before delivery, and still sends the newer news', async () => {
    const reference = await book();
    await client.query(`UPDATE "Booking" SET status = 'CONFIRMED', "holdExpiresAt" = NULL`);
    await client.query(
      `INSERT INTO "OutboxMessage" (kind, recipient, subject, payload, "bookingId")
       SELECT 'BOOKING_CONFIRMATION', 'pat.owner@example.com', 'Confirmed', '{"status":"CONFIRMED"}'::jsonb, id
         FROM "Booking"`,
    );
    // The sweep runs a moment later: within the same millisecond the new row (due at the
    // database's now(), rounded to ms) may still be ahead of Node's clock.
    const later = new Date(Date.now() + 1_000);
    expect(await deliverDueEmails({ transport, now: later })).toEqual(
      outcome({ sent: 1, skipped: 1 }),
    );
    expect(smtp.received.map((mail) => mail.text)).toEqual([
      expect.stringContaining('Your booking is confirmed'),
    ]);
    expect(smtp.received[0]!.text).toContain(reference);
    const rows = await outbox();
    expect(rows[0]).toMatchObject({
      status: 'SKIPPED',
      lastError: 'not sent: the hold ended before delivery (booking is CONFIRMED)',
    });
    expect(rows[1]).toMatchObject({ status: 'SENT' });
  });

  it('leases a claim beyond its slowest batch, aborts a send the server is too slow to accept, and keeps the message', async () => {
    await book();
    smtp.answerAfter(2_000);
    const impatient = createSmtpTransport(smtp.url, { sendTimeoutMs: 300 });
    const now = new Date();
    const started = performance.now();
    const delivery = deliverDueEmails({ transport: impatient, now, batchSize: 5 });
    // While the send is in flight, the claim holds for 5 × 300 ms plus a minute.
    await expect
      .poll(async () => (await outbox())[0]!.nextAttemptAt.getTime())
      .toBe(now.getTime() + 5 * 300 + 60_000);
    expect(await delivery).toEqual(outcome({ retrying: 1 }));
    impatient.close();
    expect(performance.now() - started).toBeLessThan(1_500);
    const [waiting] = await outbox();
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(waiting!.lastError).toMatch(/^EABORT/);
    expect(waiting!.nextAttemptAt.getTime()).toBe(now.getTime() + 30_000);
  });
});
