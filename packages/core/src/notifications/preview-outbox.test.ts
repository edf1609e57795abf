import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { heldBooking, resetStation } from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { previewOutbox } from './preview-outbox';

describe('previewOutbox', () => {
  let client: pg.Client;
  beforeEach(async () => {
    client = await connect();
    await resetStation(client, 2);
    return () => client.end();
  });

  it('shows the newest e-mails rendered as they would be sent, and says why one cannot be', async () => {
    const first = await heldBooking();
    const second = await heldBooking();
    await client.query(
      `UPDATE "OutboxMessage" SET payload = '{}' WHERE "bookingId" = (SELECT id FROM "Booking" WHERE reference = $1)`,
      [first.reference],
    );
    const emails = await previewOutbox({ limit: 5 });
    expect(emails.map((email) => email.subject)).toEqual([
      `Your hibachi booking ${second.reference}: pay the deposit to confirm`,
      `Your hibachi booking ${first.reference}: pay the deposit to confirm`,
    ]);
    expect(emails[0]!.text).toContain(`Booking   ${second.reference}`);
    expect(emails[0]!.status).toBe('PENDING');
    expect(emails[1]!.text).toMatch(/^\(cannot be rendered: /);
    expect(await previewOutbox({ limit: 1 })).toHaveLength(1);

    await client.query(`UPDATE "Booking" SET status = 'EXPIRED' WHERE reference = $1`, [
      second.reference,
    ]);
    const [expired] = await previewOutbox({ limit: 1 });
    expect(expired!.text).toMatch(
      /^\(will not be sent: the hold ended before delivery \(booking is EXPIRED\)\)\n\nHi Jo,/,
    );
    expect(expired!.text).toContain(`Booking   ${second.reference}`);
  });

  it('refuses to show customer e-mails in production', async () => {
    await heldBooking();
    await expect(previewOutbox({ nodeEnv: 'production' })).rejects.toThrow(/development only/);
  });
});
