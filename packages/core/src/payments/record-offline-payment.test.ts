import { beforeEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { connect } from '../../test/database';
import { bookingInput, resetStation } from '../../test/booking-fixtures';
import { insertStation } from '../../test/factories';
import type { StaffScope } from '../auth/staff-scope';
import { createBooking } from '../bookings';
import { recordOfflinePayment, type RecordedPayment } from '.';

describe('recordOfflinePayment', () => {
  let client: pg.Client;
  let stationId: string;
  let staff: StaffScope;
  let bookingId: string;

  beforeEach(async () => {
    client = await connect();
    ({ stationId } = await resetStation(client, 1));
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "StaffUser" (email, name, "passwordHash", role, "stationId", "updatedAt") VALUES ('staff@test.example', 'S', 'x', 'STAFF', $1, now()) RETURNING id`,
      [stationId],
    );
    staff = { staffId: rows[0]!.id, role: 'STAFF', stationId };
    const reference = (
      (await createBooking({ input: bookingInput({ adults: 10, children: 0 }) })).body as {
        reference: string;
      }
    ).reference;
    bookingId = (
      await client.query<{ id: string }>('SELECT id FROM "Booking" WHERE reference = $1', [
        reference,
      ])
    ).rows[0]!.id;
    return () => client.end();
  });

  const record = (
    input: Record<string, unknown>,
    extra: { scope?: StaffScope; idempotencyKey?: string } = {},
  ) =>
    recordOfflinePayment({
      scope: extra.scope ?? staff,
      bookingId,
      input,
      idempotencyKey: extra.idempotencyKey,
    });

  it('records cash against the balance, and a deposit taken in cash confirms the held booking', async () => {
    const result = await record({
      amountCents: 10000,
      method: 'CASH',
      note: 'Paid at the door <b>thanks</b>',
    });
    const body = result.body as RecordedPayment;
    expect(result.status).toBe(201);
    expect(body.booking).toMatchObject({
      status: 'CONFIRMED',
      paidCents: 10000,
      outstandingCents: 40000,
    });
    const { rows } = await client.query(
      `SELECT method, status, note, "recordedById" FROM "Payment" WHERE id = $1`,
      [body.payment.id],
    );
    expect(rows[0]).toEqual({
      method: 'CASH',
      status: 'SUCCEEDED',
      note: 'Paid at the door thanks',
      recordedById: staff.staffId,
    });
  });

  it('replays the same response for the same Idempotency-Key', async () => {
    const first = await record(
      { amountCents: 5000, method: 'CHECK' },
      { idempotencyKey: 'record-key-0001' },
    );
    const second = await record(
      { amountCents: 5000, method: 'CHECK' },
      { idempotencyKey: 'record-key-0001' },
    );
    expect(second.replayed).toBe(true);
    expect(second.body).toEqual(first.body);
    const { rows } = await client.query(
      `SELECT count(*)::int AS count FROM "Payment" WHERE "bookingId" = $1`,
      [bookingId],
    );
    expect(rows[0].count).toBe(1);
  });

  it('refuses more than the outstanding balance unless overpayment is explicit', async () => {
    await expect(record({ amountCents: 50001, method: 'CASH' })).rejects.toMatchObject({
      status: 409,
      details: { reason: 'OVERPAYMENT', outstandingCents: 50000 },
    });
    await expect(
      record({ amountCents: 50001, method: 'CASH', allowOverpayment: true }),
    ).resolves.toMatchObject({ status: 201 });
  });

  it('validates the input', async () => {
    await expect(record({ amountCents: 0, method: 'CASH' })).rejects.toMatchObject({
      status: 400,
      details: { amountCents: expect.any(Array) },
    });
    await expect(record({ amountCents: 100, method: 'BITCOIN' })).rejects.toMatchObject({
      details: { method: expect.any(Array) },
    });
    await expect(
      record({ amountCents: 100, method: 'CASH', status: 'REFUNDED' }),
    ).rejects.toMatchObject({ details: { status: ['Unknown field'] } });
  });

  it('answers 404 to staff of another station, and works for a super admin', async () => {
    const otherStation = await insertStation(client, 'elsewhere');
    await expect(
      record(
        { amountCents: 100, method: 'CASH' },
        { scope: { staffId: staff.staffId, role: 'MANAGER', stationId: otherStation } },
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      record(
        { amountCents: 100, method: 'CASH' },
        { scope: { staffId: staff.staffId, role: 'SUPER_ADMIN', stationId: null } },
      ),
    ).resolves.toMatchObject({ status: 201 });
    await expect(
      recordOfflinePayment({
        scope: staff,
        bookingId: 'not-a-uuid',
        input: { amountCents: 100, method: 'CASH' },
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('refuses payments on cancelled bookings', async () => {
    await client.query(`UPDATE "Booking" SET status = 'CANCELLED' WHERE id = $1`, [bookingId]);
    await expect(record({ amountCents: 100, method: 'CASH' })).rejects.toMatchObject({
      status: 409,
      details: { reason: 'BAD_STATE' },
    });
  });
});
