import { verify } from '@node-rs/argon2';
import { beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../test/database';
import { buildDemoData } from './build-demo-data';
import { DEMO_PASSWORD } from './demo-data';
import { seedClock, seedDatabase, type SeedSummary } from './seed-database';

// A fixed day, whatever day the test runs: the seed must make every choice as of it.
const today = '2026-11-22';
const DAY = 86_400_000;

describe('demo seed', () => {
  let summary: SeedSummary;

  beforeAll(async () => {
    summary = await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, today });
  });

  it('gives the demo a season: a holiday per station, three chefs with days off, and gratuities', async () => {
    const client = await connect();
    const { rows } = await client.query(`
      SELECT (SELECT count(DISTINCT "stationId") FROM "StationDate" WHERE closed AND date = '2026-12-25')::int AS holidays,
             (SELECT count(*) FROM "ChefTimeOff")::int AS "timeOff",
             (SELECT count(*) FROM "Booking" b JOIN "ChefTimeOff" t ON t."chefId" = b."chefId"
               WHERE b.status IN ('PENDING_PAYMENT', 'CONFIRMED')
                 AND tstzrange(b."startsAt", b."blockedUntil") && tstzrange(t."startsAt", t."endsAt"))::int AS overlaps,
             (SELECT count(*) FROM "Payment" WHERE "gratuityCents" > 0 AND purpose = 'BALANCE')::int AS tips`);
    await client.end();
    expect(rows[0]).toMatchObject({ holidays: 10, timeOff: 3, overlaps: 0 });
    expect(rows[0].tips).toBeGreaterThan(0);
  });

  it('leaves every table compact, vacuumed and analysed, as production would have it', async () => {
    const client = await connect();
    const tables = `
      SELECT c.relname AS name, c.relpages AS pages, c.relallvisible AS visible,
             (SELECT count(*) FROM pg_stats s WHERE s.schemaname = 'public' AND s.tablename = c.relname)::int AS stats
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relpages > 0 ORDER BY c.relname`;
    const seeded = (
      await client.query<{ name: string; pages: number; visible: number; stats: number }>(tables)
    ).rows;
    expect(seeded.map((table) => table.name)).toEqual(
      expect.arrayContaining(['Booking', 'BookingDay', 'CustomerStation', 'MenuItemDay']),
    );
    // Statistics for the planner, and pages marked all-visible for index-only scans.
    expect(
      seeded
        .filter((table) => table.stats === 0 || table.visible < table.pages)
        .map(
          (table) =>
            `${table.name}: ${table.visible} of ${table.pages} pages all-visible, ${table.stats} column statistics`,
        ),
    ).toEqual([]);
    // Rewriting the tables frees nothing: the seed left no dead space behind.
    const names = seeded.map((table) => `"${table.name}"`).join(', ');
    await client.query(`VACUUM (FULL) ${names}`);
    await client.query(`ANALYZE ${names}`);
    const rewritten = new Map(
      (await client.query<{ name: string; pages: number }>(tables)).rows.map((table) => [
        table.name,
        table.pages,
      ]),
    );
    await client.end();
    expect(
      seeded.filter((table) => table.pages > (rewritten.get(table.name) ?? 0) * 1.1 + 1),
    ).toEqual([]);
  });

  it('creates the promised volume', async () => {
    expect(summary).toMatchObject({ stations: 10, customers: 1_000, bookings: 5_000 });
    const client = await connect();
    const { rows } = await client.query(`
      SELECT (SELECT count(*) FROM "Station")::int AS stations,
             (SELECT count(DISTINCT timezone) FROM "Station")::int AS zones,
             (SELECT min(c) FROM (SELECT count(*) c FROM "Chef" GROUP BY "stationId") x)::int AS min_chefs,
             (SELECT max(c) FROM (SELECT count(*) c FROM "Chef" GROUP BY "stationId") x)::int AS max_chefs,
             (SELECT count(*) FROM "Customer")::int AS customers,
             (SELECT count(*) FROM "Booking")::int AS bookings,
             (SELECT count(*) FROM "Payment")::int AS payments`);
    const methods = await client.query<{ method: string; share: number }>(
      `SELECT method, count(*)::float / sum(count(*)) OVER () AS share FROM "Payment" GROUP BY method`,
    );
    await client.end();
    const counts = rows[0];
    expect(counts.stations).toBe(10);
    expect(counts.zones).toBeGreaterThanOrEqual(7);
    expect(counts.min_chefs).toBeGreaterThanOrEqual(3);
    expect(counts.max_chefs).toBeLessThanOrEqual(6);
    expect(counts.customers).toBe(1_000);
    expect(counts.bookings).toBe(5_000);
    expect(counts.payments).toBeGreaterThanOrEqual(2_700);
    expect(counts.payments).toBeLessThanOrEqual(3_300);
    const share = Object.fromEntries(methods.rows.map((row) => [row.method, row.share]));
    expect(share.CARD).toBeGreaterThan(0.75);
    expect(share.CARD).toBeLessThan(0.85);
    expect(share.CASH).toBeGreaterThan(0.1);
    expect(share.CHECK).toBeGreaterThan(0.02);
  });

  it('spans six months back and two months ahead in realistic statuses', async () => {
    const client = await connect();
    const { rows } = await client.query<{ status: string; first: Date; last: Date }>(
      `SELECT status, min("eventDate") AS first, max("eventDate") AS last FROM "Booking" GROUP BY status`,
    );
    await client.end();
    const byStatus = Object.fromEntries(rows.map((row) => [row.status, row]));
    expect(Object.keys(byStatus).sort()).toEqual([
      'CANCELLED',
      'COMPLETED',
      'CONFIRMED',
      'EXPIRED',
      'NO_SHOW',
      'PENDING_PAYMENT',
    ]);
    expect(byStatus.COMPLETED!.last.getTime()).toBeLessThanOrEqual(Date.parse(today) + DAY);
    expect(byStatus.CONFIRMED!.first.getTime()).toBeGreaterThanOrEqual(Date.parse(today) - DAY);
    const dates = rows.flatMap((row) => [row.first.getTime(), row.last.getTime()]);
    expect((Date.parse(today) - Math.min(...dates)) / DAY).toBeGreaterThan(170);
    expect((Math.max(...dates) - Date.parse(today)) / DAY).toBeGreaterThan(55);
  });

  it('gives every station a menu (London in pounds) and every booking choices that fit its party and total', async () => {
    const client = await connect();
    const stations = await client.query<{
      slug: string;
      currency: string;
      kinds: string[];
      travel: string;
    }>(
      `SELECT s.slug, s.currency, s."travelMode"::text AS travel,
              array_agg(DISTINCT m.kind::text ORDER BY m.kind::text) AS kinds
         FROM "Station" s JOIN "MenuItem" m ON m."stationId" = s.id GROUP BY s.id`,
    );
    const mismatched = await client.query<{ reference: string }>(`
      SELECT b.reference
        FROM "Booking" b
        LEFT JOIN LATERAL (
          SELECT COALESCE(sum(l.quantity * l."unitPriceCents"), 0) AS menu,
                 COALESCE(sum(l.quantity) FILTER (WHERE l.kind IN ('PROTEIN', 'UPGRADE')), 0) AS proteins,
                 COALESCE(sum(l.quantity) FILTER (WHERE l.kind = 'KIDS'), 0) AS kids
            FROM "BookingMenuLine" l WHERE l."bookingId" = b.id) m ON true
       WHERE b."totalCents" <> GREATEST(b."minimumCents",
               b.adults * b."adultPriceCents" + b.children * b."childPriceCents" + m.menu) + b."travelFeeCents"
          OR m.proteins NOT IN (0, b.adults * 2)
          OR m.kids > b.children
          OR b."depositCents" > b."totalCents"
          OR b.currency <> (SELECT currency FROM "Station" WHERE id = b."stationId")`);
    const shares = await client.query<{ decided: number; travelled: number; london_gbp: number }>(`
      SELECT avg((EXISTS (SELECT 1 FROM "BookingMenuLine" l WHERE l."bookingId" = b.id AND l.kind = 'PROTEIN'))::int)::float AS decided,
             (SELECT count(*) FROM "Booking" WHERE "travelFeeCents" > 0)::int AS travelled,
             (SELECT count(*) FROM "Booking" x JOIN "Station" s ON s.id = x."stationId"
               WHERE s.slug = 'london' AND x.currency = 'GBP')::int AS london_gbp
        FROM "Booking" b`);
    await client.end();
    expect(stations.rows).toHaveLength(10);
    for (const station of stations.rows)
      expect(station.kinds, station.slug).toEqual(['ADDON', 'EXTRA', 'KIDS', 'PROTEIN', 'UPGRADE']);
    const bySlug = Object.fromEntries(stations.rows.map((row) => [row.slug, row]));
    expect(bySlug.london).toMatchObject({ currency: 'GBP', travel: 'ZONES' });
    expect(bySlug.seattle).toMatchObject({ currency: 'USD', travel: 'DISTANCE' });
    expect(bySlug.chicago).toMatchObject({ currency: 'USD', travel: 'NONE' });
    expect(mismatched.rows).toEqual([]);
    expect(shares.rows[0]!.decided).toBeGreaterThan(0.9);
    expect(shares.rows[0]!.travelled).toBeGreaterThan(100);
    expect(shares.rows[0]!.london_gbp).toBeGreaterThan(300);
  });

  it('creates the documented demo logins with argon2 hashes of the demo password', async () => {
    const client = await connect();
    const { rows } = await client.query<{
      email: string;
      role: string;
      passwordHash: string;
      slug: string | null;
    }>(
      `SELECT u.email, u.role, u."passwordHash", s.slug FROM "StaffUser" u LEFT JOIN "Station" s ON s.id = u."stationId"`,
    );
    await client.end();
    // A super admin, a manager and a staff member per station, and one chef account each.
    expect(rows).toHaveLength(31);
    const admin = rows.find((row) => row.email === 'admin@demo.hibachi.test');
    expect(admin).toMatchObject({ role: 'SUPER_ADMIN', slug: null });
    expect(admin!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(admin!.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verify(admin!.passwordHash, 'wrong-password')).toBe(false);
    expect(rows.find((row) => row.email === 'manager@chicago.demo.hibachi.test')).toMatchObject({
      role: 'MANAGER',
      slug: 'chicago',
    });
    expect(rows.find((row) => row.email === 'staff@london.demo.hibachi.test')).toMatchObject({
      role: 'STAFF',
      slug: 'london',
    });
    expect(rows.find((row) => row.email === 'chef@london.demo.hibachi.test')).toMatchObject({
      role: 'CHEF',
      slug: 'london',
    });
  });

  it('opens two conversations a station: one answered by its staff, one waiting', async () => {
    const client = await connect();
    const { rows: inbox } = await client.query<{ n: number; waiting: number; consistent: boolean }>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE "lastCustomerSeq" > "staffReadSeq")::int AS waiting,
              bool_and("lastSeq" = (SELECT max(seq) FROM "ConversationMessage" m WHERE m."conversationId" = c.id)) AS consistent
         FROM "Conversation" c`,
    );
    const { rows: stations } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Station"`,
    );
    expect(inbox[0]).toEqual({ n: 2 * stations[0]!.n, waiting: stations[0]!.n, consistent: true });
    await client.end();
  });

  it('makes every time-dependent choice as of its today, not the real clock', async () => {
    const client = await connect();
    const { rows } = await client.query<Record<string, Date | null>>(`
      SELECT (SELECT max("createdAt") FROM "Booking") AS booked,
             (SELECT max("createdAt") FROM "Payment") AS paid,
             (SELECT max("cancelledAt") FROM "Booking") AS cancelled,
             (SELECT max("createdAt") FROM "Customer") AS customers,
             (SELECT max("updatedAt") FROM "Station") AS stations,
             (SELECT min("holdExpiresAt") FROM "Booking") AS first_hold,
             (SELECT max("holdExpiresAt") FROM "Booking") AS last_hold,
             (SELECT max("endsAt") FROM "Booking" WHERE status IN ('COMPLETED', 'NO_SHOW')) AS last_outcome,
             (SELECT min("endsAt") FROM "Booking" WHERE status IN ('CONFIRMED', 'PENDING_PAYMENT')) AS first_open`);
    await client.end();
    const seen = rows[0]!;
    const dayStart = Date.parse(today);
    const at = (name: string) => seen[name]!.getTime();
    for (const name of ['booked', 'paid', 'cancelled', 'customers', 'stations', 'last_outcome'])
      expect(at(name), name).toBeLessThan(dayStart + DAY);
    // Every hold was made at the seed's "now" on that day and lasts 15 minutes.
    expect(at('first_hold')).toBe(at('last_hold'));
    const now = at('first_hold') - 15 * 60_000;
    expect(now).toBeGreaterThanOrEqual(dayStart);
    expect(now).toBeLessThan(dayStart + DAY);
    expect(at('last_outcome')).toBeLessThanOrEqual(now);
    expect(at('first_open')).toBeGreaterThan(now);
  });

  it('seeds as of the given day at the current time of day, and refuses a date that is not one', () => {
    const realNow = new Date('2031-05-07T16:45:12.345Z');
    expect(seedClock('2028-02-29', realNow).toISOString()).toBe('2028-02-29T16:45:12.345Z');
    expect(seedClock(undefined, realNow)).toBe(realNow);
    expect(() => seedClock('2027-02-29', realNow)).toThrow(/YYYY-MM-DD/);
    expect(() => seedClock('tomorrow', realNow)).toThrow(/YYYY-MM-DD/);
  });

  it('is deterministic', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    const first = buildDemoData({ scale: 1, now });
    const second = buildDemoData({ scale: 1, now });
    expect(second.bookings.map((booking) => booking.reference)).toEqual(
      first.bookings.map((booking) => booking.reference),
    );
    expect(second.customers[17]).toEqual(first.customers[17]);
  });

  it('scales the volume, adding stations so chefs are not overbooked', () => {
    const data = buildDemoData({ scale: 4, now: new Date('2026-11-22T12:00:00Z') });
    expect(data.bookings).toHaveLength(20_000);
    expect(data.customers).toHaveLength(4_000);
    expect(data.stations).toHaveLength(20);
    expect(new Set(data.stations.map((station) => station.slug)).size).toBe(20);
  });

  it('refuses to run in production', async () => {
    await expect(
      seedDatabase({ databaseUrl: process.env.DATABASE_URL!, nodeEnv: 'production' }),
    ).rejects.toThrow(/production/);
  });
});
