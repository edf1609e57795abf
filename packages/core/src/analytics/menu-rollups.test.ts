import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { resetStation, staffScope } from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import {
  HIBACHI_MENU,
  insertBooking,
  insertCustomer,
  insertMenu,
  insertStation,
  insertChef,
} from '../../test/factories';
import { getMenuAnalytics } from './menu-analytics';

const COOKED = `b.status IN ('CONFIRMED', 'COMPLETED')`;
/** MenuItemDay as the bookings say it should be, computed live. */
const LIVE_ITEM_DAYS = `
  SELECT b."stationId", to_char(b."eventDate", 'YYYY-MM-DD') AS day, l."itemId", l.kind::text,
         sum(l.quantity)::int AS quantity, count(*)::int AS bookings,
         sum(l.quantity * l."unitPriceCents")::int AS revenue
    FROM "Booking" b JOIN "BookingMenuLine" l ON l."bookingId" = b.id
   WHERE ${COOKED}
   GROUP BY b."stationId", b."eventDate", l."itemId", l.kind`;
const STORED_ITEM_DAYS = `
  SELECT "stationId", to_char(day, 'YYYY-MM-DD') AS day, "itemId", kind::text, quantity, bookings,
         "revenueCents"::int AS revenue
    FROM "MenuItemDay"`;
/** MenuItemMonth: the live day rows summed per month (rows left at zero are not compared). */
const LIVE_ITEM_MONTHS = `
  SELECT "stationId", to_char(date_trunc('month', day::date), 'YYYY-MM-DD') AS month, "itemId", kind,
         sum(quantity)::int AS quantity, sum(bookings)::int AS bookings, sum(revenue)::int AS revenue
    FROM (${LIVE_ITEM_DAYS}) days
   GROUP BY "stationId", date_trunc('month', day::date), "itemId", kind`;
const STORED_ITEM_MONTHS = `
  SELECT "stationId", to_char(month, 'YYYY-MM-DD') AS month, "itemId", kind::text, quantity, bookings,
         "revenueCents"::int AS revenue
    FROM "MenuItemMonth" WHERE (quantity, bookings, "revenueCents") <> (0, 0, 0)`;
const LIVE_DECIDED = `
  SELECT b."stationId", to_char(b."eventDate", 'YYYY-MM-DD') AS day, count(*)::int AS decided
    FROM "Booking" b
   WHERE ${COOKED} AND EXISTS (SELECT 1 FROM "BookingMenuLine" l
                               WHERE l."bookingId" = b.id AND l.kind IN ('PROTEIN', 'UPGRADE'))
   GROUP BY b."stationId", b."eventDate"`;
const STORED_DECIDED = `
  SELECT "stationId", to_char(day, 'YYYY-MM-DD') AS day, decided FROM "MenuDay" WHERE decided > 0`;

const sorted = (rows: object[]) => rows.map((row) => JSON.stringify(row)).sort();

describe('the menu rollups', () => {
  let client: pg.Client;
  let stationId: string;
  let chefs: string[];
  let menu: Record<string, string>;

  async function expectRollupsEqualLive(): Promise<number> {
    const live = (await client.query(LIVE_ITEM_DAYS)).rows;
    expect(sorted((await client.query(STORED_ITEM_DAYS)).rows)).toEqual(sorted(live));
    expect(sorted((await client.query(STORED_ITEM_MONTHS)).rows)).toEqual(
      sorted((await client.query(LIVE_ITEM_MONTHS)).rows),
    );
    expect(sorted((await client.query(STORED_DECIDED)).rows)).toEqual(
      sorted((await client.query(LIVE_DECIDED)).rows),
    );
    return live.length;
  }

  /** Writes a booking's whole menu, as the use cases do: its lines deleted, then inserted. */
  async function setLines(
    writer: pg.Client,
    bookingId: string,
    lines: (readonly [name: string, quantity: number, unitPriceCents: number])[],
  ) {
    await writer.query(`DELETE FROM "BookingMenuLine" WHERE "bookingId" = $1`, [bookingId]);
    if (lines.length === 0) return;
    await writer.query(
      `INSERT INTO "BookingMenuLine" ("bookingId", "itemId", kind, name, "unitPriceCents", quantity)
       SELECT $1, i.id, i.kind, i.name, l.price, l.quantity
         FROM unnest($2::text[], $3::int[], $4::int[]) AS l(name, quantity, price)
         JOIN "MenuItem" i ON i.name = l.name AND i."stationId" = $5`,
      [
        bookingId,
        lines.map((line) => line[0]),
        lines.map((line) => line[1]),
        lines.map((line) => line[2]),
        stationId,
      ],
    );
  }

  beforeAll(async () => {
    client = await connect();
    const station = await resetStation(client, 3);
    stationId = station.stationId;
    chefs = station.chefIds;
    menu = await insertMenu(client, stationId, HIBACHI_MENU);
    return () => client.end();
  });

  it('equal the live computation through line writes, status changes, moves and deletes', async () => {
    const statuses = ['PENDING_PAYMENT', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'EXPIRED'];
    const ids: string[] = [];
    for (let index = 0; index < 40; index += 1) {
      const customer = await insertCustomer(client, `menu-rollup${index}@example.com`);
      const id = await insertBooking(client, {
        stationId,
        customerId: customer,
        chefId: chefs[index % 3]!,
        startsAt: new Date(Date.UTC(2026, 2, 1 + Math.floor(index / 3), 22, 0)).toISOString(),
        status: statuses[index % statuses.length],
      });
      ids.push(id);
      // Most choose proteins (some with an upgrade or an add-on); every seventh decides later.
      if (index % 7 !== 0)
        await setLines(client, id, [
          ['Chicken', 4 + (index % 3), 0],
          ['Tofu', 4 - (index % 3), 0],
          ...(index % 2 === 0 ? ([['Filet mignon', 2, 1000]] as const) : []),
          ...(index % 5 === 0 ? ([['Gyoza platter', 1, 4000]] as const) : []),
        ]);
      else if (index % 14 === 0) await setLines(client, id, [['Gyoza platter', 1, 4000]]);
    }
    expect(await expectRollupsEqualLive()).toBeGreaterThan(10);

    // Confirmations and completions, many rows in one statement; a cancellation; a move.
    await client.query(
      `UPDATE "Booking" SET status = 'CONFIRMED' WHERE status = 'PENDING_PAYMENT'`,
    );
    await client.query(`UPDATE "Booking" SET status = 'CANCELLED' WHERE id = $1`, [ids[1]]);
    await client.query(
      `UPDATE "Booking" SET "eventDate" = "eventDate" + 9, "startsAt" = "startsAt" + interval '9 days',
              "endsAt" = "endsAt" + interval '9 days', "blockedUntil" = "blockedUntil" + interval '9 days'
        WHERE id = $1`,
      [ids[2]],
    );
    // Moved into the next month (the day and month rows of both months change), and one back.
    await client.query(
      `UPDATE "Booking" SET "eventDate" = "eventDate" + 31, "startsAt" = "startsAt" + interval '31 days',
              "endsAt" = "endsAt" + interval '31 days', "blockedUntil" = "blockedUntil" + interval '31 days'
        WHERE id = ANY ($1)`,
      [[ids[5], ids[10], ids[17]]],
    );
    await expectRollupsEqualLive();
    await client.query(
      `UPDATE "Booking" SET "eventDate" = "eventDate" - 31, "startsAt" = "startsAt" - interval '31 days',
              "endsAt" = "endsAt" - interval '31 days', "blockedUntil" = "blockedUntil" - interval '31 days'
        WHERE id = ANY ($1)`,
      [[ids[5], ids[10], ids[17]]],
    );
    // April's month rows are left at zero: the figures list none of their items.
    const { rows: zeros } = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "MenuItemMonth" WHERE month = '2026-04-01' AND bookings = 0`,
    );
    expect(zeros[0]!.count).toBeGreaterThan(0);
    const april = await getMenuAnalytics({
      scope: await staffScope(client, 'MANAGER', stationId),
      query: { from: '2026-04-01', to: '2026-04-30' },
    });
    expect(april).toMatchObject({ bookings: 0, menuRevenueCents: 0, items: [] });
    // Notes only: nothing to recompute, and nothing changes.
    await client.query(`UPDATE "Booking" SET notes = 'only notes' WHERE id = $1`, [ids[6]]);
    await expectRollupsEqualLive();

    // A menu changed in place, one emptied, a line's price corrected, a booking deleted.
    await setLines(client, ids[6]!, [
      ['Chicken', 8, 0],
      ['Lobster tail', 1, 1500],
    ]);
    await setLines(client, ids[11]!, []);
    await client.query(`UPDATE "BookingMenuLine" SET "unitPriceCents" = 900 WHERE "itemId" = $1`, [
      menu['Filet mignon'],
    ]);
    await client.query(`DELETE FROM "Booking" WHERE id = $1`, [ids[12]]);
    await expectRollupsEqualLive();
  });

  it('stay exact when menu changes and confirmations race on the same days', async () => {
    const other = await insertStation(client, 'menu-race');
    const otherChef = await insertChef(client, other, 'Chef Race');
    const bookings: string[] = [];
    for (let index = 0; index < 12; index += 1) {
      const customer = await insertCustomer(client, `menu-race${index}@example.com`);
      bookings.push(
        await insertBooking(client, {
          stationId: index < 10 ? stationId : other,
          customerId: customer,
          chefId: index < 10 ? chefs[index % 3]! : otherChef,
          // Two days for ten bookings: every writer shares a rollup row with others.
          startsAt: new Date(Date.UTC(2026, 6, 1 + (index % 2), 14 + index, 0)).toISOString(),
          status: index % 3 === 0 ? 'PENDING_PAYMENT' : 'CONFIRMED',
        }),
      );
    }
    const writers = await Promise.all(Array.from({ length: 6 }, () => connect()));
    try {
      await Promise.all(
        writers.map(async (writer, index) => {
          for (let round = 0; round < 6; round += 1) {
            const id = bookings[(index * 2 + round) % 10]!;
            await writer.query('BEGIN');
            // The use cases lock the booking before they write its lines.
            await writer.query(`SELECT id FROM "Booking" WHERE id = $1 FOR UPDATE`, [id]);
            await setLines(writer, id, [
              ['Chicken', 2 + round, 0],
              ['Filet mignon', 1 + (index % 2), 1000],
            ]);
            await writer.query('COMMIT');
            // Another booking of the same day confirmed or completed meanwhile.
            await writer.query(
              `UPDATE "Booking" SET status = CASE status WHEN 'PENDING_PAYMENT' THEN 'CONFIRMED'
                                                  ELSE 'COMPLETED' END::"BookingStatus"
                WHERE id = $1 AND status <> 'COMPLETED'`,
              [bookings[(index + round * 3) % 10]],
            );
          }
        }),
      );
    } finally {
      await Promise.all(writers.map((writer) => writer.end()));
    }
    await expectRollupsEqualLive();
  });
});
