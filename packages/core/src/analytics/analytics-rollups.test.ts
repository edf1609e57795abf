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

const KEPT_PAID = `COALESCE((SELECT sum(p."amountCents" - p."refundedCents") FROM "Payment" p
  WHERE p."bookingId" = b.id AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED')), 0)`;
const LIVE_DUE = `
  SELECT "stationId", to_char("eventDate", 'YYYY-MM-DD') AS day, count(*)::int AS bookings, sum(due)::int AS "dueCents"
    FROM (SELECT b."stationId", b."eventDate", b."totalCents" - ${KEPT_PAID} AS due
            FROM "Booking" b WHERE b.status = 'CONFIRMED') owing
   WHERE due > 0 GROUP BY "stationId", "eventDate"`;
const STORED_DUE = `
  SELECT "stationId", to_char(day, 'YYYY-MM-DD') AS day, bookings, "dueCents"::int AS "dueCents"
    FROM "BookingDue" WHERE bookings > 0`;
const LIVE_CUSTOMERS = `
  SELECT b."customerId", b.currency, to_char(min(b."eventDate"), 'YYYY-MM-DD') AS first,
         to_char(max(b."eventDate"), 'YYYY-MM-DD') AS last,
         array_agg(to_char(b."eventDate", 'YYYY-MM-DD') ORDER BY b."eventDate") AS dates, count(*)::int AS bookings,
         sum(${KEPT_PAID})::int AS value
    FROM "Booking" b WHERE b.status <> 'EXPIRED' GROUP BY b."customerId", b.currency`;
const STORED_CUSTOMERS = `
  SELECT "customerId", currency, to_char("firstDate", 'YYYY-MM-DD') AS first, to_char("lastDate", 'YYYY-MM-DD') AS last,
         ARRAY(SELECT to_char(day, 'YYYY-MM-DD') FROM unnest("eventDates") AS day) AS dates, bookings, "valueCents"::int AS value
    FROM "CustomerTotal" WHERE bookings > 0`;

const LIVE_CUSTOMER_STATIONS = `
  SELECT b."customerId", b."stationId", to_char(min(b."eventDate"), 'YYYY-MM-DD') AS first,
         to_char(max(b."eventDate"), 'YYYY-MM-DD') AS last, count(*)::int AS bookings, sum(${KEPT_PAID})::int AS value
    FROM "Booking" b WHERE b.status <> 'EXPIRED' GROUP BY b."customerId", b."stationId"`;
const STORED_CUSTOMER_STATIONS = `
  SELECT "customerId", "stationId", to_char("firstDate", 'YYYY-MM-DD') AS first,
         to_char("lastDate", 'YYYY-MM-DD') AS last, bookings, "valueCents"::int AS value
    FROM "CustomerStation"`;

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
    expect(sorted(storedBookings)).toEqual(sorted(liveBookings));
    expect(sorted(storedPayments)).toEqual(sorted(livePayments));
    const [liveDue, storedDue, liveCustomers, storedCustomers] = [
      (await client.query(LIVE_DUE)).rows,
      (await client.query(STORED_DUE)).rows,
      (await client.query(LIVE_CUSTOMERS)).rows,
      (await client.query(STORED_CUSTOMERS)).rows,
    ];
    expect(sorted(storedDue)).toEqual(sorted(liveDue));
    expect(sorted(storedCustomers)).toEqual(sorted(liveCustomers));
    expect(sorted((await client.query(STORED_CUSTOMER_STATIONS)).rows)).toEqual(
      sorted((await client.query(LIVE_CUSTOMER_STATIONS)).rows),
    );
    return liveBookings.length;
  }

  beforeAll(async () => {
    client = await connect();
    const first = await resetStation(client, 3);
    const second = await insertStation(client, 'tokyo');
    // Its bookings are in yen: the every-station customer rows are kept per currency.
    await client.query(`UPDATE "Station" SET currency = 'JPY' WHERE id = $1`, [second]);
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
    const customers: string[] = [];
    for (let index = 0; index < 60; index += 1) {
      const chef = index % chefs.length;
      // 17 customers over 60 bookings, so most customers have several.
      const customer =
        customers[index % 17] ??
        (customers[index % 17] = await insertCustomer(client, `rollup${index % 17}@example.com`));
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

  it('stay exact when payments, refunds, moves and status changes race on the same bookings', async () => {
    // Two customers with two confirmed events each (60,000 cents); both customers book the same
    // two days (another chef), so writers on different bookings still share rollup rows.
    const racers = [
      await insertCustomer(client, 'racer0@example.com'),
      await insertCustomer(client, 'racer1@example.com'),
    ];
    const bookings: string[] = [];
    for (let index = 0; index < 4; index += 1)
      bookings.push(
        await insertBooking(client, {
          stationId: stations[0]!,
          customerId: racers[index % 2]!,
          chefId: chefs[index % 2]!,
          startsAt: new Date(
            Date.UTC(2026, 8, 1 + Math.floor(index / 2) * 10, 18, 0),
          ).toISOString(),
          status: 'CONFIRMED',
        }),
      );
    const SHIFT = `(CASE WHEN notes = 'moved' THEN -1 ELSE 1 END)`;
    const operations = [
      // a payment landing without its booking locked first (the rollup triggers must cope)
      `INSERT INTO "Payment" ("bookingId", "stationId", "amountCents", "refundedCents", method, status, "updatedAt")
       SELECT id, "stationId", 25000, 0, 'CASH', 'SUCCEEDED', now() FROM "Booking" WHERE id = $1`,
      // a move to the next day, or back (the notes remember which)
      `UPDATE "Booking" SET "eventDate" = "eventDate" + ${SHIFT}, "startsAt" = "startsAt" + make_interval(days => ${SHIFT}),
              "endsAt" = "endsAt" + make_interval(days => ${SHIFT}),
              "blockedUntil" = "blockedUntil" + make_interval(days => ${SHIFT}),
              notes = CASE WHEN notes = 'moved' THEN NULL ELSE 'moved' END
        WHERE id = $1`,
      // completed and back
      `UPDATE "Booking" SET status = CASE WHEN status = 'CONFIRMED' THEN 'COMPLETED' ELSE 'CONFIRMED' END::"BookingStatus"
        WHERE id = $1`,
      // part of a payment refunded
      `UPDATE "Payment" SET "refundedCents" = 5000, status = 'PARTIALLY_REFUNDED'
        WHERE id = (SELECT id FROM "Payment" WHERE "bookingId" = $1 AND status = 'SUCCEEDED' LIMIT 1)`,
    ];
    const writers = await Promise.all(Array.from({ length: 6 }, () => connect()));
    try {
      // Rounds of six writers at once; after each round the rollups must equal the truth
      // (a later writer could otherwise hide a stale one by recomputing after it).
      for (let round = 0; round < 12; round += 1) {
        await Promise.all(
          writers.map(async (writer, index) => {
            // Writers 0 and 4 (1 and 5) share a booking and run different operations on it.
            const operation =
              operations[(index + round + Math.floor(index / 4)) % operations.length]!;
            await writer.query('BEGIN');
            await writer.query(operation, [bookings[(index + round * 3) % bookings.length]]);
            // Hold the transaction open a moment, so the others queue behind its locks.
            await writer.query('SELECT pg_sleep(0.02)');
            await writer.query('COMMIT');
          }),
        );
        await expectRollupsEqualLive();
      }
    } finally {
      await Promise.all(writers.map((writer) => writer.end()));
    }
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Payment" WHERE "bookingId" = ANY ($1::uuid[])`,
      [bookings],
    );
    expect(rows[0]!.n).toBeGreaterThan(5);
    await expectRollupsEqualLive();
  });
});
