import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { resetStation } from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { insertBooking, insertChef, insertCustomer, insertStation } from '../../test/factories';

/** BookingDay as the bookings say it should be, computed live. */
const LIVE_BOOKING_DAYS = `
  SELECT "stationId", to_char("eventDate", 'YYYY-MM-DD') AS day,
         count(*) FILTER (WHERE status = 'PENDING_PAYMENT')::int AS pending,
         count(*) FILTER (WHERE status = 'CONFIRMED')::int AS confirmed,
         count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
         count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled,
         count(*) FILTER (WHERE status = 'NO_SHOW')::int AS "noShow",
         count(*) FILTER (WHERE status = 'EXPIRED')::int AS expired,
         COALESCE(sum("totalCents") FILTER (WHERE status IN ('CONFIRMED', 'COMPLETED')), 0)::int AS "revenueCents",
         COALESCE(sum(adults + children) FILTER (WHERE status IN ('CONFIRMED', 'COMPLETED')), 0)::int AS guests,
         COALESCE(sum("durationMinutes") FILTER (WHERE status IN ('CONFIRMED', 'COMPLETED')), 0)::int AS "chefMinutes",
         COALESCE(sum((extract(epoch FROM "startsAt" - "createdAt") / 60)::int) FILTER (WHERE status <> 'EXPIRED'), 0)::int AS "leadMinutes"
    FROM "Booking" GROUP BY "stationId", "eventDate"`;
const STORED_BOOKING_DAYS = `
  SELECT "stationId", to_char(day, 'YYYY-MM-DD') AS day, pending, confirmed, completed, cancelled,
         "noShow", expired, "revenueCents", guests, "chefMinutes", "leadMinutes"
    FROM "BookingDay"
   WHERE (pending, confirmed, completed, cancelled, "noShow", expired) <> (0, 0, 0, 0, 0, 0)`;
const LIVE_PAYMENT_DAYS = `
  SELECT p."stationId", to_char((p."createdAt" AT TIME ZONE s.timezone)::date, 'YYYY-MM-DD') AS day,
         p.method::text,
         count(*) FILTER (WHERE p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED'))::int AS arrived,
         COALESCE(sum(p."amountCents") FILTER (WHERE p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')), 0)::int AS "amountCents",
         COALESCE(sum(p."refundedCents") FILTER (WHERE p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')), 0)::int AS "refundedCents",
         count(*) FILTER (WHERE p.status = 'FAILED')::int AS failed
    FROM "Payment" p JOIN "Station" s ON s.id = p."stationId"
   GROUP BY p."stationId", 2, p.method
  HAVING count(*) FILTER (WHERE p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'FAILED')) > 0`;
const STORED_PAYMENT_DAYS = `
  SELECT "stationId", to_char(day, 'YYYY-MM-DD') AS day, method::text, arrived, "amountCents", "refundedCents", failed
    FROM "PaymentDay" WHERE (arrived, failed) <> (0, 0)`;

const sorted = (rows: object[]) => rows.map((row) => JSON.stringify(row)).sort();

describe('the analytics rollups', () => {
  let client: pg.Client;
  let stations: string[];
  let chefs: string[];

  async function expectRollupsEqualLive() {
    const [liveBookings, storedBookings, livePayments, storedPayments] = [
      (await client.query(LIVE_BOOKING_DAYS)).rows,
      (await client.query(STORED_BOOKING_DAYS)).rows,
      (await client.query(LIVE_PAYMENT_DAYS)).rows,
      (await client.query(STORED_PAYMENT_DAYS)).rows,
    ];
    expect(sorted(storedBookings!)).toEqual(sorted(liveBookings!));
    expect(sorted(storedPayments!)).toEqual(sorted(livePayments!));
    return liveBookings!.length;
  }

  beforeAll(async () => {
    client = await connect();
    const first = await resetStation(client, 3);
    const second = await insertStation(client, 'tokyo');
    await client.query(`UPDATE "Station" SET timezone = 'Asia/Tokyo' WHERE id = $1`, [second]);
    stations = [first.stationId, second];
    chefs = [...first.chefIds, await insertChef(client, second, 'Chef Tokyo')];
    return () => client.end();
  });

  it('equal the live computation through inserts, status changes, moves, refunds and deletes', async () => {
    const statuses = [
      'PENDING_PAYMENT',
      'CONFIRMED',
      'COMPLETED',
      'CANCELLED',
      'NO_SHOW',
      'EXPIRED',
    ];
    const ids: string[] = [];
    for (let index = 0; index < 60; index += 1) {
      const chef = index % chefs.length;
      const customer = await insertCustomer(client, `rollup${index}@example.com`);
      ids.push(
        await insertBooking(client, {
          stationId: chef === 3 ? stations[1]! : stations[0]!,
          customerId: customer,
          chefId: chefs[chef]!,
          // 23:00 UTC is the next day in Tokyo and the same day in New York
          startsAt: new Date(Date.UTC(2026, 2, 1 + Math.floor(index / 4), 23, 0)).toISOString(),
          status: statuses[index % statuses.length],
          adults: 2 + (index % 9),
          children: index % 3,
          durationMinutes: 60 + (index % 5) * 30,
        }),
      );
    }
    await client.query(
      `UPDATE "Booking" SET "createdAt" = "startsAt" - make_interval(days => 3 + length(reference))`,
    );
    for (const [index, id] of ids.entries())
      if (index % 2 === 0)
        await client.query(
          `INSERT INTO "Payment" ("bookingId", "stationId", "amountCents", "refundedCents", method, status, "createdAt", "updatedAt")
           SELECT id, "stationId", 10000 + $2::int * 100, 0, $3::"PaymentMethod", $4::"PaymentStatus",
                  "startsAt" - interval '5 days' + make_interval(hours => $2::int), now()
             FROM "Booking" WHERE id = $1`,
          [
            id,
            index,
            ['CARD', 'CASH', 'CHECK'][index % 3],
            index % 10 === 0 ? 'FAILED' : 'SUCCEEDED',
          ],
        );
    expect(await expectRollupsEqualLive()).toBeGreaterThan(10);

    // One statement changing many rows; a status change; a move to another day; a price change.
    await client.query(
      `UPDATE "Booking" SET status = 'CANCELLED' WHERE status = 'PENDING_PAYMENT'`,
    );
    await client.query(`UPDATE "Booking" SET status = 'COMPLETED' WHERE id = $1`, [ids[1]]);
    await client.query(
      `UPDATE "Booking" SET "eventDate" = "eventDate" + 30, "startsAt" = "startsAt" + interval '30 days',
              "endsAt" = "endsAt" + interval '30 days', "blockedUntil" = "blockedUntil" + interval '30 days'
        WHERE id = $1`,
      [ids[7]],
    );
    await client.query(`UPDATE "Booking" SET "totalCents" = "totalCents" + 1234 WHERE id = $1`, [
      ids[13],
    ]);
    await client.query(`UPDATE "Booking" SET notes = 'only notes' WHERE id = $1`, [ids[19]]);
    // Refunds, a payment that fails after all, a payment moved and one deleted.
    await client.query(
      `UPDATE "Payment" SET "refundedCents" = "amountCents", status = 'REFUNDED' WHERE method = 'CARD' AND status = 'SUCCEEDED'`,
    );
    await client.query(
      `UPDATE "Payment" SET "refundedCents" = 500, status = 'PARTIALLY_REFUNDED' WHERE method = 'CASH'`,
    );
    await client.query(
      `UPDATE "Payment" SET "createdAt" = "createdAt" + interval '40 days' WHERE method = 'CHECK'`,
    );
    await client.query(
      `DELETE FROM "Payment" WHERE id = (SELECT id FROM "Payment" ORDER BY "createdAt" LIMIT 1)`,
    );
    await client.query(`DELETE FROM "Payment" WHERE "bookingId" = $1`, [ids[2]]);
    await client.query(`DELETE FROM "Booking" WHERE id = $1`, [ids[2]]);
    await expectRollupsEqualLive();
  });

  it('stay exact under concurrent writers to the same station-days', async () => {
    const writers = await Promise.all(Array.from({ length: 6 }, () => connect()));
    try {
      await Promise.all(
        writers.map(async (writer, index) => {
          for (let round = 0; round < 5; round += 1) {
            await writer.query('BEGIN');
            const customer = await insertCustomer(writer, `race${index}.${round}@example.com`);
            await insertBooking(writer, {
              stationId: stations[0]!,
              customerId: customer,
              chefId: chefs[index % 3]!,
              // Six writers on the same five days: two per chef, five hours apart.
              startsAt: new Date(
                Date.UTC(2026, 5, 1 + round, 15 + Math.floor(index / 3) * 5, 0),
              ).toISOString(),
              status: 'CONFIRMED',
            });
            await writer.query(
              `UPDATE "Booking" SET status = 'COMPLETED'
                WHERE id = (SELECT id FROM "Booking" WHERE status = 'CONFIRMED' AND "stationId" = $1
                             ORDER BY "startsAt", id LIMIT 1 FOR UPDATE SKIP LOCKED)`,
              [stations[0]],
            );
            await writer.query('COMMIT');
          }
        }),
      );
    } finally {
      await Promise.all(writers.map((writer) => writer.end()));
    }
    await expectRollupsEqualLive();
  });
});
