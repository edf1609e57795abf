import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal, staffScope } from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import type { StaffScope } from '../auth/staff-scope';
import { seedDatabase } from '../seed/seed-database';
import { getBookingKpis, getMenuAnalytics, getPaymentAnalytics, streamBookingsCsv } from '.';

// The demo data: nine stations in dollars and London in pounds. A figure over every station
// is one currency's stations, never a sum of both.
const today = '2026-11-22';
const RANGE = { from: '2026-06-01', to: '2026-11-30' };

describe('analytics across currencies and the menu figures', () => {
  let client: pg.Client;
  let superAdmin: StaffScope;
  let londonManager: StaffScope;
  let seattleManager: StaffScope;
  let slugs: string[];

  beforeAll(async () => {
    await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, today });
    client = await connect();
    const stations = await client.query<{ slug: string; id: string }>(
      `SELECT slug, id FROM "Station" ORDER BY slug`,
    );
    slugs = stations.rows.map((row) => row.slug);
    const id = (slug: string) => stations.rows.find((row) => row.slug === slug)!.id;
    superAdmin = await staffScope(client, 'SUPER_ADMIN', null);
    londonManager = await staffScope(client, 'MANAGER', id('london'));
    seattleManager = await staffScope(client, 'MANAGER', id('seattle'));
  });
  afterAll(() => client.end());

  it('every-station figures are one currency at a time, each the sum of its own stations', async () => {
    const usd = await getBookingKpis({ scope: superAdmin, query: RANGE });
    expect(usd).toMatchObject({ currency: 'USD', locale: 'en-US', currencies: ['USD', 'GBP'] });
    const gbp = await getBookingKpis({ scope: superAdmin, query: { ...RANGE, currency: 'GBP' } });
    expect(gbp).toMatchObject({ currency: 'GBP', locale: 'en-GB' });
    const perStation = await Promise.all(
      slugs.map(async (slug) => ({
        slug,
        kpis: await getBookingKpis({ scope: superAdmin, query: { ...RANGE, station: slug } }),
        payments: await getPaymentAnalytics({
          scope: superAdmin,
          query: { ...RANGE, station: slug },
        }),
      })),
    );
    const sum = (currency: string, pick: (row: (typeof perStation)[number]) => number) =>
      perStation
        .filter((row) => row.kpis.currency === currency)
        .reduce((total, row) => total + pick(row), 0);
    expect(perStation.filter((row) => row.kpis.currency === 'GBP').map((row) => row.slug)).toEqual([
      'london',
    ]);
    expect(usd.confirmedRevenueCents).toBe(sum('USD', (row) => row.kpis.confirmedRevenueCents));
    expect(gbp.confirmedRevenueCents).toBe(sum('GBP', (row) => row.kpis.confirmedRevenueCents));
    expect(gbp.confirmedRevenueCents).toBeGreaterThan(0);
    const usdPayments = await getPaymentAnalytics({ scope: superAdmin, query: RANGE });
    expect(usdPayments.currency).toBe('USD');
    expect(usdPayments.grossCents).toBe(sum('USD', (row) => row.payments.grossCents));
    // The database agrees: USD revenue is the USD bookings' alone.
    const { rows } = await client.query<{ usd: number }>(
      `SELECT sum("totalCents")::int AS usd FROM "Booking"
        WHERE currency = 'USD' AND status IN ('CONFIRMED', 'COMPLETED') AND "eventDate" BETWEEN $1 AND $2`,
      [RANGE.from, RANGE.to],
    );
    expect(usd.confirmedRevenueCents).toBe(rows[0]!.usd);
    expect(
      await refusal(getBookingKpis({ scope: superAdmin, query: { ...RANGE, currency: 'EUR' } })),
    ).toMatchObject({ status: 400, details: { currency: ['No station takes this currency'] } });
    const london = await getBookingKpis({ scope: londonManager, query: RANGE });
    expect(london).toMatchObject({
      currency: 'GBP',
      currencies: ['GBP'],
      confirmedRevenueCents: gbp.confirmedRevenueCents,
    });
  });

  it("menu analytics: each item's portions, events and revenue as the database holds them", async () => {
    const figures = await getMenuAnalytics({ scope: seattleManager, query: RANGE });
    const { rows } = await client.query<{
      name: string;
      quantity: number;
      bookings: number;
      revenue: number;
    }>(
      `SELECT m.name, sum(l.quantity)::int AS quantity, count(*)::int AS bookings,
              sum(l.quantity * l."unitPriceCents")::int AS revenue
         FROM "BookingMenuLine" l JOIN "Booking" b ON b.id = l."bookingId"
         JOIN "MenuItem" m ON m.id = l."itemId" JOIN "Station" s ON s.id = b."stationId"
        WHERE s.slug = 'seattle' AND b.status IN ('CONFIRMED', 'COMPLETED') AND b."eventDate" BETWEEN $1 AND $2
        GROUP BY m.name ORDER BY m.name`,
      [RANGE.from, RANGE.to],
    );
    expect(
      figures.items
        .map(({ name, quantity, bookings, revenueCents }) => ({
          name,
          quantity,
          bookings,
          revenue: revenueCents,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual(rows);
    const totals = await client.query<{ events: number; guests: number; spend: number }>(
      `SELECT count(*)::int AS events, sum(adults + children)::int AS guests, sum("totalCents")::int AS spend
         FROM "Booking" b JOIN "Station" s ON s.id = b."stationId"
        WHERE s.slug = 'seattle' AND b.status IN ('CONFIRMED', 'COMPLETED') AND b."eventDate" BETWEEN $1 AND $2`,
      [RANGE.from, RANGE.to],
    );
    const { events, guests, spend } = totals.rows[0]!;
    expect(figures).toMatchObject({
      currency: 'USD',
      bookings: events,
      guests,
      averageSpendPerGuestCents: Math.round(spend / guests),
      menuRevenueCents: rows.reduce((sum, row) => sum + row.revenue, 0),
    });
    const chicken = figures.items.find((item) => item.name === 'Chicken')!;
    expect(chicken.uptake).toBeCloseTo(chicken.bookings / events, 10);
    // The pound figures are London's only; the dollar ones never include London's lines.
    const gbp = await getMenuAnalytics({ scope: superAdmin, query: { ...RANGE, currency: 'GBP' } });
    const london = await getMenuAnalytics({ scope: londonManager, query: RANGE });
    expect(gbp.items).toEqual(london.items);
    const usd = await getMenuAnalytics({ scope: superAdmin, query: RANGE });
    const all = await client.query<{ revenue: number }>(
      `SELECT sum(l.quantity * l."unitPriceCents")::int AS revenue
         FROM "BookingMenuLine" l JOIN "Booking" b ON b.id = l."bookingId"
        WHERE b.currency = 'USD' AND b.status IN ('CONFIRMED', 'COMPLETED') AND b."eventDate" BETWEEN $1 AND $2`,
      [RANGE.from, RANGE.to],
    );
    expect(usd.menuRevenueCents).toBe(all.rows[0]!.revenue);
  });

  it('menu analytics equal the lines for any range: whole months, the days around them, neither', async () => {
    const live = async (from: string, to: string, slug: string | null) => {
      const { rows } = await client.query<{ revenueCents: number }>(
        `SELECT m.name, l.kind::text AS kind, sum(l.quantity)::int AS quantity, count(*)::int AS bookings,
                sum(l.quantity * l."unitPriceCents")::int AS "revenueCents"
           FROM "BookingMenuLine" l JOIN "Booking" b ON b.id = l."bookingId"
           JOIN "MenuItem" m ON m.id = l."itemId" JOIN "Station" s ON s.id = b."stationId"
          WHERE b.status IN ('CONFIRMED', 'COMPLETED') AND b."eventDate" BETWEEN $1 AND $2
            AND ($3::text IS NULL AND s.currency = 'USD' OR s.slug = $3)
          GROUP BY m.name, l.kind`,
        [from, to, slug],
      );
      return rows;
    };
    const byItem = (rows: object[]) => rows.map((row) => JSON.stringify(row)).sort();
    const ranges = [
      ['2026-06-01', '2026-11-30'], // whole months only
      ['2026-06-15', '2026-09-10'], // days, whole months, days
      ['2026-07-03', '2026-07-29'], // inside one month
      ['2026-07-20', '2026-08-10'], // across a month's end, no whole month
      ['2026-08-01', '2026-08-31'], // exactly one month
      ['2026-08-02', '2026-08-31'], // one day short of it, at the start
      ['2026-08-01', '2026-08-30'], // and at the end
      ['2026-10-31', '2026-11-01'],
      ['2026-12-20', '2027-01-31'], // across the year's end
      ['2025-12-07', '2027-12-06'], // two years
    ] as const;
    for (const [from, to] of ranges)
      for (const [scope, slug] of [
        [superAdmin, null],
        [seattleManager, 'seattle'],
      ] as const) {
        const figures = await getMenuAnalytics({ scope, query: { from, to } });
        const got = figures.items.map(({ name, kind, quantity, bookings, revenueCents }) => ({
          name,
          kind,
          quantity,
          bookings,
          revenueCents,
        }));
        const want = await live(from, to, slug);
        expect(byItem(got), `${from}..${to} ${slug ?? 'every station'}`).toEqual(byItem(want));
        expect(figures.menuRevenueCents).toBe(want.reduce((sum, row) => sum + row.revenueCents, 0));
      }
  });

  it('the every-station CSV names each row’s currency and leaves the dollar columns empty for pounds', async () => {
    const lines: string[] = [];
    for await (const line of await streamBookingsCsv({
      scope: superAdmin,
      query: { from: '2026-11-01', to: '2026-11-07' },
    }))
      lines.push(line);
    const london = lines.find((line) => line.includes('"London"'))!;
    const cells = london.trimEnd().split(',');
    expect(cells.slice(10, 12)).toEqual(['""', '""']);
    expect(cells[13]).toBe('"GBP"');
    expect(cells[14]).toMatch(/^"\d+\.\d{2}"$/);
    const chicago = lines
      .find((line) => line.includes('"Chicago"'))!
      .trimEnd()
      .split(',');
    expect(chicago[10]).toBe(chicago[14]);
    expect(chicago[13]).toBe('"USD"');
  });
});
