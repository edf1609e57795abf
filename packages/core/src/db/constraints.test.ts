import { beforeEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { connect } from '../../test/database';
import { insertBooking, insertChef, insertCustomer, insertStation } from '../../test/factories';
import { translateDatabaseError } from '../errors';
import { getDb } from './client';
import { itNeedsPostgresTimers } from '../../test/shifted-clock';

async function sqlState(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('database constraints', () => {
  let client: pg.Client;
  let stationId: string;
  let chefId: string;
  let customerA: string;
  let customerB: string;

  beforeEach(async () => {
    client = await connect();
    await client.query(
      'TRUNCATE "Payment", "Booking", "Chef", "Customer", "StaffUser", "Station" CASCADE',
    );
    stationId = await insertStation(client);
    chefId = await insertChef(client, stationId);
    customerA = await insertCustomer(client, 'a@example.com');
    customerB = await insertCustomer(client, 'b@example.com');
    return () => client.end();
  });

  describe('no double booking (exclusion constraint, buffer included)', () => {
    it('refuses an overlapping active booking for the same chef with SQLSTATE 23P01', async () => {
      await insertBooking(client, {
        stationId,
        chefId,
        customerId: customerA,
        startsAt: '2030-06-01T22:00:00Z',
      });
      const state = await sqlState(
        insertBooking(client, {
          stationId,
          chefId,
          customerId: customerB,
          startsAt: '2030-06-01T23:00:00Z',
        }),
      );
      expect(state).toBe('23P01');
    });

    it("refuses a booking that starts inside the previous event's travel buffer", async () => {
      // 22:00–00:00 event + 60 min buffer blocks until 01:00.
      await insertBooking(client, {
        stationId,
        chefId,
        customerId: customerA,
        startsAt: '2030-06-01T22:00:00Z',
      });
      const state = await sqlState(
        insertBooking(client, {
          stationId,
          chefId,
          customerId: customerB,
          startsAt: '2030-06-02T00:30:00Z',
        }),
      );
      expect(state).toBe('23P01');
    });

    it('allows back-to-back bookings once the buffer has passed, and other chefs at the same time', async () => {
      await insertBooking(client, {
        stationId,
        chefId,
        customerId: customerA,
        startsAt: '2030-06-01T22:00:00Z',
      });
      await insertBooking(client, {
        stationId,
        chefId,
        customerId: customerB,
        startsAt: '2030-06-02T01:00:00Z',
      });
      const otherChef = await insertChef(client, stationId, 'Chef Other');
      const customerC = await insertCustomer(client, 'c@example.com');
      await insertBooking(client, {
        stationId,
        chefId: otherChef,
        customerId: customerC,
        startsAt: '2030-06-01T22:00:00Z',
        status: 'PENDING_PAYMENT',
      });
      const { rows } = await client.query('SELECT count(*)::int AS count FROM "Booking"');
      expect(rows[0].count).toBe(3);
    });

    it('ignores cancelled and expired bookings', async () => {
      await insertBooking(client, {
        stationId,
        chefId,
        customerId: customerA,
        startsAt: '2030-06-01T22:00:00Z',
        status: 'CANCELLED',
      });
      await insertBooking(client, {
        stationId,
        chefId,
        customerId: customerA,
        startsAt: '2030-06-01T22:00:00Z',
        status: 'EXPIRED',
      });
      await insertBooking(client, {
        stationId,
        chefId,
        customerId: customerB,
        startsAt: '2030-06-01T22:00:00Z',
      });
    });

    it('refuses re-activating a cancelled booking into a taken window', async () => {
      const cancelled = await insertBooking(client, {
        stationId,
        chefId,
        customerId: customerA,
        startsAt: '2030-06-01T22:00:00Z',
        status: 'CANCELLED',
      });
      await insertBooking(client, {
        stationId,
        chefId,
        customerId: customerB,
        startsAt: '2030-06-01T22:30:00Z',
      });
      const state = await sqlState(
        client.query(`UPDATE "Booking" SET status = 'CONFIRMED' WHERE id = $1`, [cancelled]),
      );
      expect(state).toBe('23P01');
    });

    itNeedsPostgresTimers(
      'lets exactly one of 20 concurrent inserts for one chef window succeed',
      async () => {
        // (one after another: the setup shares one pg client, which takes one query at a time)
        const customers: string[] = [];
        for (let index = 0; index < 20; index += 1)
          customers.push(await insertCustomer(client, `racer${index}@example.com`));
        const clients = await Promise.all(customers.map(() => connect()));
        // Racers whose constraint checks wait on each other are ended by deadlock detection;
        // a short timeout lets it find them quickly (a cycle is a cycle either way).
        await Promise.all(clients.map((racer) => racer.query(`SET deadlock_timeout = '100ms'`)));
        const results = await Promise.allSettled(
          clients.map((racer, index) =>
            insertBooking(racer, {
              stationId,
              chefId,
              customerId: customers[index]!,
              startsAt: '2030-07-01T22:00:00Z',
            }),
          ),
        );
        await Promise.all(clients.map((racer) => racer.end()));
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        const failures = results.filter(
          (result): result is PromiseRejectedResult => result.status === 'rejected',
        );
        // Every other insert is refused and writes nothing: by the constraint (23P01) or, when
        // two inserts' checks each wait for the other's uncommitted row, by PostgreSQL breaking
        // the deadlock (40P01, which core runs again as a lost race and then meets 23P01). A
        // run on a slow host saw all 19 losers end as 40P01.
        for (const failure of failures)
          expect(['23P01', '40P01']).toContain((failure.reason as { code: string }).code);
        expect(failures).toHaveLength(19);
      },
    );

    it('reaches Prisma callers as an error core translates to CONFLICT by SQLSTATE', async () => {
      await insertBooking(client, {
        stationId,
        chefId,
        customerId: customerA,
        startsAt: '2030-06-01T22:00:00Z',
      });
      const startsAt = new Date('2030-06-01T23:00:00Z');
      const error = await getDb()
        .booking.create({
          data: {
            reference: 'HB-PRISMA',
            stationId,
            customerId: customerB,
            chefId,
            eventDate: new Date('2030-06-01'),
            startTime: '19:00',
            startsAt,
            endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
            blockedUntil: new Date(startsAt.getTime() + 3 * 3_600_000),
            adults: 4,
            addressLine1: '1 Test St',
            city: 'Testville',
            postalCode: '10001',
            totalCents: 60000,
            depositCents: 10000,
            adultPriceCents: 15000,
            childPriceCents: 5000,
            minimumCents: 50000,
            holdExpiresAt: new Date(Date.now() + 900_000),
          },
        })
        .catch((caught: unknown) => caught);
      const translated = translateDatabaseError(error);
      expect(translated?.code).toBe('CONFLICT');
      expect(translated?.status).toBe(409);
      expect(translated?.details).toEqual({ reason: 'SLOT_TAKEN' });
    });
  });

  it('keeps one active booking per customer per date (partial unique index)', async () => {
    const otherChef = await insertChef(client, stationId, 'Chef Other');
    await insertBooking(client, {
      stationId,
      chefId,
      customerId: customerA,
      startsAt: '2030-06-01T16:00:00Z',
    });
    const state = await sqlState(
      insertBooking(client, {
        stationId,
        chefId: otherChef,
        customerId: customerA,
        startsAt: '2030-06-01T22:00:00Z',
      }),
    );
    expect(state).toBe('23505');
    await insertBooking(client, {
      stationId,
      chefId: otherChef,
      customerId: customerA,
      startsAt: '2030-06-01T22:00:00Z',
      status: 'CANCELLED',
    });
  });

  it.each([
    ['party of 0', { adults: 0, children: 0 }],
    ['party of 51', { adults: 40, children: 11 }],
    ['negative children', { adults: 4, children: -1 }],
    ['duration under 60 minutes', { durationMinutes: 30 }],
    ['duration over 480 minutes', { durationMinutes: 481 }],
  ])('refuses a booking with %s (CHECK, 23514)', async (_label, overrides) => {
    const state = await sqlState(
      insertBooking(client, {
        stationId,
        chefId,
        customerId: customerA,
        startsAt: '2030-06-01T16:00:00Z',
        ...overrides,
      }),
    );
    expect(state).toBe('23514');
  });

  it('refuses staff without a station unless they are super admins', async () => {
    const state = await sqlState(
      client.query(
        `INSERT INTO "StaffUser" (email, name, "passwordHash", role, "updatedAt") VALUES ('m@example.com', 'M', 'x', 'MANAGER', now())`,
      ),
    );
    expect(state).toBe('23514');
  });

  it('refuses negative money and refunds larger than the payment', async () => {
    const bookingId = await insertBooking(client, {
      stationId,
      chefId,
      customerId: customerA,
      startsAt: '2030-06-01T16:00:00Z',
    });
    const insertPayment = (amount: number, refunded: number) =>
      client.query(
        `INSERT INTO "Payment" ("bookingId", "stationId", "amountCents", "refundedCents", method, "updatedAt")
         VALUES ($1, $2, $3, $4, 'CASH', now())`,
        [bookingId, stationId, amount, refunded],
      );
    expect(await sqlState(insertPayment(-100, 0))).toBe('23514');
    expect(await sqlState(insertPayment(100, 101))).toBe('23514');
    expect(await sqlState(insertPayment(100, 100))).toBeUndefined();
  });
});
