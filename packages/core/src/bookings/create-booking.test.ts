import { emailIndex } from '../crypto/customer-fields';
import { isSealed, openDeep } from '../crypto/field-crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { connect } from '../../test/database';
import { bookingInput, daysAhead, resetStation } from '../../test/booking-fixtures';
import { insertBooking, insertCustomer } from '../../test/factories';
import { localToInstant } from '../time';
import { quietly, startListening } from '../../test/changes';
import { loseADeadlock, untilBlocked } from '../../test/locks';
import { stopChangeListener } from '../db/change-listener';
import { createBooking, expireHolds } from '.';
import { hashRequest } from './idempotency';
import { itNeedsPostgresTimers } from '../../test/shifted-clock';

const created = (result: Awaited<ReturnType<typeof createBooking>>) =>
  result.body as {
    reference: string;
    status: string;
    totalCents: number;
    depositCents: number;
    manageUrl: string;
    paymentUrl: string;
    holdExpiresAt: string;
  };

describe('createBooking', () => {
  let client: pg.Client;
  let stationId: string;
  let chefIds: string[];

  beforeEach(async () => {
    client = await connect();
    ({ stationId, chefIds } = await resetStation(client, 2));
    return () => client.end();
  });

  it('holds a chef, prices server-side and writes outbox + audit in one go', async () => {
    const result = await createBooking({
      input: bookingInput({ adults: 10, children: 2 }),
      requestId: 'req-create-1',
    });
    const body = created(result);
    expect(result.status).toBe(201);
    expect(body.reference).toMatch(/^HB-[A-Z2-9]{6}$/);
    expect(body.status).toBe('PENDING_PAYMENT');
    expect(body.totalCents).toBe(55000);
    expect(body.depositCents).toBe(10000);
    expect(body.manageUrl).toMatch(new RegExp(`^/manage/${body.reference}\\?token=`));
    expect(new Date(body.holdExpiresAt).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);

    const { rows } = await client.query(
      `SELECT b.status, b."chefId", b."blockedUntil" - b."endsAt" AS buffer, c.email,
              (SELECT count(*)::int FROM "OutboxMessage" o WHERE o."bookingId" = b.id AND o.kind = 'BOOKING_CONFIRMATION') AS emails,
              (SELECT count(*)::int FROM "AuditLog" a WHERE a."entityId" = b.id::text AND a.action = 'booking.created' AND a."requestId" = 'req-create-1') AS audits
         FROM "Booking" b JOIN "Customer" c ON c.id = b."customerId" WHERE b.reference = $1`,
      [body.reference],
    );
    expect(rows[0]).toMatchObject({ status: 'PENDING_PAYMENT', emails: 1, audits: 1 });
    expect(chefIds).toContain(rows[0].chefId);
    expect(rows[0].buffer).toMatchObject({ hours: 1 });
  });

  itNeedsPostgresTimers(
    'books again when PostgreSQL ends the statement to break a deadlock',
    async () => {
      const customer = {
        name: 'Dee Lock',
        email: `deadlock.${Date.now()}@example.com`,
        phone: '+1 555 010 2000',
      };
      created(await createBooking({ input: bookingInput({ customer, date: daysAhead(14) }) }));
      const { rows } = await client.query<{ id: string }>(
        'SELECT id FROM "Customer" WHERE "emailHash" = $1',
        [emailIndex(customer.email)],
      );
      // Another writer holds the customer's analytics row (which the booking's trigger
      // recomputes) and then waits for the station row the booking has locked: a deadlock.
      const booking = await loseADeadlock(
        client,
        () => createBooking({ input: bookingInput({ customer, date: daysAhead(15) }) }),
        [`SELECT 1 FROM "CustomerTotal" WHERE "customerId" = $1 FOR UPDATE`, [rows[0]!.id]],
        [`SELECT 1 FROM "Station" WHERE id = $1 FOR UPDATE`, [stationId]],
      );
      expect(booking.status).toBe(201);
    },
  );

  it('books with the station as it is now when this instance holds an older copy', async () => {
    await startListening();
    try {
      // Every input is another customer (a fresh e-mail), so none is a duplicate.
      const input = () => bookingInput({ adults: 10, children: 0 });
      expect(created(await createBooking({ input: input() })).totalCents).toBe(50000);
      // An edit nobody is told about (triggers off): the cached copy is now stale.
      await quietly(
        client,
        `UPDATE "Station" SET "adultPriceCents" = "adultPriceCents" * 2, version = version + 1
          WHERE id = $1`,
        [stationId],
      );
      expect(created(await createBooking({ input: input() })).totalCents).toBe(100000);
      await quietly(client, `UPDATE "Station" SET active = false WHERE id = $1`, [stationId]);
      await expect(createBooking({ input: input() })).rejects.toMatchObject({
        status: 400,
        details: { station: ['We do not serve that location'] },
      });
    } finally {
      await stopChangeListener();
    }
  });

  it('ignores any price the client sends and rejects unknown fields', async () => {
    await expect(createBooking({ input: bookingInput({ totalCents: 1 }) })).rejects.toMatchObject({
      status: 400,
      details: { totalCents: ['Unknown field'] },
    });
    await expect(
      createBooking({
        input: bookingInput({
          customer: { name: 'A', email: 'a@example.com', phone: '+15550102000', vip: true },
        }),
      }),
    ).rejects.toMatchObject({
      details: { 'customer.vip': ['Unknown field'] },
    });
  });

  it.each([
    ['a malformed time', { time: '25:99' }, 'time'],
    ['a time off the grid', { time: '18:15' }, 'time'],
    ['a time outside service hours', { time: '23:00' }, 'time'],
    ['a party of 0', { adults: 0, children: 0 }, 'adults'],
    ['a party of 51', { adults: 45, children: 6 }, 'children'],
    ['a past date', { date: daysAhead(-2) }, 'date'],
    ['too little notice', { date: daysAhead(1) }, 'date'],
    [
      'a bad e-mail',
      { customer: { name: 'Jo', email: 'not-an-email', phone: '+15550102000' } },
      'customer.email',
    ],
    [
      'a bad phone',
      { customer: { name: 'Jo', email: 'jo@example.com', phone: 'call me' } },
      'customer.phone',
    ],
    ['a too-long request', { specialRequests: 'x'.repeat(501) }, 'specialRequests'],
    ['a short duration', { durationMinutes: 45 }, 'durationMinutes'],
    ['a missing address', { address: { city: 'X', postalCode: '10001' } }, 'address.line1'],
  ])('rejects %s with a 400 on the field', async (_label, overrides, field) => {
    await expect(createBooking({ input: bookingInput(overrides) })).rejects.toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      details: { [field]: expect.any(Array) },
    });
  });

  it('strips tags and control characters from text', async () => {
    const body = created(
      await createBooking({
        input: bookingInput({
          specialRequests: '<script>alert(1)</script>No <b>shellfish</b>\u0007 please',
          customer: {
            name: '  <i>Jo</i>  Tester ',
            email: ' JO.Mixed@Example.COM ',
            phone: '+1 555 010 2000',
          },
        }),
      }),
    );
    const { rows } = await client.query(
      `SELECT b."specialRequests", c.name, c.email FROM "Booking" b JOIN "Customer" c ON c.id = b."customerId" WHERE reference = $1`,
      [body.reference],
    );
    // Stored sealed (see the dump test), read through the one module that opens values.
    expect(Object.values(rows[0] as Record<string, string>).every(isSealed)).toBe(true);
    expect(openDeep(rows[0])).toEqual({
      specialRequests: 'alert(1)No shellfish please',
      name: 'Jo Tester',
      email: 'jo.mixed@example.com',
    });
  });

  it('refuses a second active booking for the same customer on the same date', async () => {
    const customer = { name: 'Jo', email: 'twice@example.com', phone: '+15550102000' };
    await createBooking({ input: bookingInput({ customer, time: '12:00' }) });
    await expect(
      createBooking({ input: bookingInput({ customer, time: '19:00' }) }),
    ).rejects.toMatchObject({
      status: 409,
      details: { reason: 'DUPLICATE_BOOKING' },
    });
    await createBooking({ input: bookingInput({ customer, date: daysAhead(11) }) });
  });

  it('replays the same response for the same Idempotency-Key and body, and refuses a different body', async () => {
    const input = bookingInput();
    const first = await createBooking({ input, idempotencyKey: 'key-0000000001' });
    const second = await createBooking({ input: { ...input }, idempotencyKey: 'key-0000000001' });
    expect(second.replayed).toBe(true);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const { rows } = await client.query('SELECT count(*)::int AS count FROM "Booking"');
    expect(rows[0].count).toBe(1);
    await expect(
      createBooking({ input: { ...input, adults: 7 }, idempotencyKey: 'key-0000000001' }),
    ).rejects.toMatchObject({
      status: 409,
      details: { reason: 'IDEMPOTENCY_MISMATCH' },
    });
  });

  it('gives the same booking to concurrent requests sharing an Idempotency-Key', async () => {
    const input = bookingInput();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        createBooking({ input, idempotencyKey: 'key-concurrent-01' }),
      ),
    );
    expect(new Set(results.map((result) => created(result).reference)).size).toBe(1);
    const { rows } = await client.query('SELECT count(*)::int AS count FROM "Booking"');
    expect(rows[0].count).toBe(1);
  });

  it('a request whose key another claims meanwhile waits for it, then replays its response', async () => {
    const input = bookingInput();
    const other = await connect();
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO "IdempotencyKey" (scope, key, "requestHash", "expiresAt", "responseStatus", "responseBody")
         VALUES ('booking.create', 'key-waiting-01', $1, now() + interval '1 day', 201,
                 '{"reference":"HB-WAITED"}')`,
        [hashRequest(input)],
      );
      const pending = createBooking({ input, idempotencyKey: 'key-waiting-01' });
      // It reaches the key and waits on the other's uncommitted row.
      await untilBlocked(client, other);
      await other.query('COMMIT');
      expect(await pending).toEqual({
        status: 201,
        body: { reference: 'HB-WAITED' },
        replayed: true,
      });
      const { rows } = await client.query('SELECT count(*)::int AS count FROM "Booking"');
      expect(rows[0].count).toBe(0);
    } finally {
      await other.end();
    }
  });

  it('assigns the least busy chef of the day', async () => {
    const customer = await insertCustomer(client, 'early@example.com');
    const date = daysAhead(10);
    await insertBooking(client, {
      stationId,
      chefId: chefIds[0]!,
      customerId: customer,
      startsAt: localToInstant({ date, time: '11:00' }, 'America/New_York')!.toISOString(),
    });
    const body = created(await createBooking({ input: bookingInput({ date, time: '19:00' }) }));
    const { rows } = await client.query('SELECT "chefId" FROM "Booking" WHERE reference = $1', [
      body.reference,
    ]);
    expect(rows[0].chefId).toBe(chefIds[1]);
  });

  it('lets exactly as many concurrent requests win as there are free chefs; the rest get 409 SLOT_TAKEN', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 12 }, () => createBooking({ input: bookingInput({ time: '17:00' }) })),
    );
    const winners = attempts.filter((attempt) => attempt.status === 'fulfilled');
    const losers = attempts.filter(
      (attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected',
    );
    expect(winners).toHaveLength(2);
    expect(losers.map((loser) => [loser.reason.status, loser.reason.details?.reason])).toEqual(
      Array(10).fill([409, 'SLOT_TAKEN']),
    );
    const { rows } = await client.query(
      `SELECT count(DISTINCT "chefId")::int AS chefs FROM "Booking" WHERE status = 'PENDING_PAYMENT'`,
    );
    expect(rows[0].chefs).toBe(2);
  });

  it('expires lapsed holds so their chefs can be booked again', async () => {
    const date = daysAhead(10);
    const first = created(await createBooking({ input: bookingInput({ date, time: '18:00' }) }));
    await createBooking({ input: bookingInput({ date, time: '18:00' }) });
    await expect(
      createBooking({ input: bookingInput({ date, time: '18:00' }) }),
    ).rejects.toMatchObject({ status: 409 });
    await client.query(
      `UPDATE "Booking" SET "holdExpiresAt" = now() - interval '1 second' WHERE reference = $1`,
      [first.reference],
    );
    await createBooking({ input: bookingInput({ date, time: '18:00' }) });
    const { rows } = await client.query(`SELECT status FROM "Booking" WHERE reference = $1`, [
      first.reference,
    ]);
    expect(rows[0].status).toBe('EXPIRED');
    const audit = await client.query(
      `SELECT count(*)::int AS count FROM "AuditLog" WHERE action = 'booking.hold_expired'`,
    );
    expect(audit.rows[0].count).toBe(1);
  });

  it('sweeps lapsed holds periodically', async () => {
    const body = created(await createBooking({ input: bookingInput() }));
    expect(await expireHolds()).toBe(0);
    await client.query(
      `UPDATE "Booking" SET "holdExpiresAt" = now() - interval '1 second' WHERE reference = $1`,
      [body.reference],
    );
    expect(await expireHolds()).toBe(1);
    expect(await expireHolds()).toBe(0);
  });
});
