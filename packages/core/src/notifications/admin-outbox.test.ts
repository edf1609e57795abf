import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { heldBooking, resetStation, staffScope } from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { insertStation } from '../../test/factories';
import type { StaffScope } from '../auth/staff-scope';
import { AppError } from '../errors/app-error';
import { listOutbox, retryOutboxMessage } from '.';

describe('the admin outbox', () => {
  let client: pg.Client;
  let stationId: string;
  let manager: StaffScope;

  beforeEach(async () => {
    client = await connect();
    ({ stationId } = await resetStation(client, 2));
    manager = await staffScope(client, 'MANAGER', stationId);
    return () => client.end();
  });

  async function failedMessage(): Promise<string> {
    const { reference } = await heldBooking();
    const { rows } = await client.query<{ id: string }>(
      `UPDATE "OutboxMessage" SET status = 'FAILED', attempts = 8, "lastError" = '550 mailbox unavailable'
        WHERE "bookingId" = (SELECT id FROM "Booking" WHERE reference = $1) RETURNING id`,
      [reference],
    );
    return rows[0]!.id;
  }

  it("lists the station's e-mails newest first with status, attempts, last error and the rendered text", async () => {
    const failed = await failedMessage();
    const { reference } = await heldBooking();
    const page = await listOutbox({ scope: manager, query: {} });
    expect(page.items.map((item) => item.status)).toEqual(['PENDING', 'FAILED']);
    expect(page.items[0]).toMatchObject({ booking: { reference }, kind: 'BOOKING_CONFIRMATION' });
    expect(page.items[0]!.text).toContain(`Booking   ${reference}`);
    expect(page.items[1]).toMatchObject({
      id: failed,
      attempts: 8,
      lastError: '550 mailbox unavailable',
    });
    expect((await listOutbox({ scope: manager, query: { status: 'FAILED' } })).items).toHaveLength(
      1,
    );
    expect(
      (await listOutbox({ scope: manager, query: { kind: 'BOOKING_CONFIRMATION' } })).items,
    ).toHaveLength(2);
    expect(
      (await listOutbox({ scope: manager, query: { kind: 'BOOKING_CANCELLED' } })).items,
    ).toHaveLength(0);
    await expect(listOutbox({ scope: manager, query: { kind: 'SPAM' } })).rejects.toMatchObject({
      status: 400,
    });
    const first = await listOutbox({ scope: manager, query: { limit: '1' } });
    const second = await listOutbox({
      scope: manager,
      query: { limit: '1', cursor: first.nextCursor! },
    });
    expect([first.items[0]!.id, second.items[0]!.id]).toEqual(page.items.map((item) => item.id));
  });

  it('puts a failed e-mail back in the queue, once, and audits it', async () => {
    const id = await failedMessage();
    await expect(retryOutboxMessage({ scope: manager, messageId: id })).resolves.toEqual({
      id,
      status: 'PENDING',
    });
    const { rows } = await client.query(
      'SELECT status, attempts FROM "OutboxMessage" WHERE id = $1',
      [id],
    );
    expect(rows[0]).toEqual({ status: 'PENDING', attempts: 0 });
    await expect(retryOutboxMessage({ scope: manager, messageId: id })).rejects.toMatchObject({
      status: 409,
    });
    const audit = await client.query(
      `SELECT action FROM "AuditLog" WHERE "entityType" = 'OutboxMessage'`,
    );
    expect(audit.rows).toEqual([{ action: 'email.retried' }]);
  });

  it("refuses STAFF (403) and hides other stations' e-mails (404)", async () => {
    const id = await failedMessage();
    const staff = await staffScope(client, 'STAFF', stationId);
    await expect(listOutbox({ scope: staff, query: {} })).rejects.toMatchObject({ status: 403 });
    await expect(retryOutboxMessage({ scope: staff, messageId: id })).rejects.toMatchObject({
      status: 403,
    });
    const otherManager = await staffScope(
      client,
      'MANAGER',
      await insertStation(client, 'elsewhere'),
    );
    await expect(retryOutboxMessage({ scope: otherManager, messageId: id })).rejects.toBeInstanceOf(
      AppError,
    );
    await expect(retryOutboxMessage({ scope: otherManager, messageId: id })).rejects.toMatchObject({
      status: 404,
    });
    expect((await listOutbox({ scope: otherManager, query: {} })).items).toEqual([]);
  });
});
