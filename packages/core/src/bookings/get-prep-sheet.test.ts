import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal, staffScope } from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import type { StaffScope } from '../auth/staff-scope';
import { seedDatabase } from '../seed/seed-database';
import { getPrepSheet, prepSheetCsv } from '.';

// The demo data as of a fixed day: the prep sheet of its busiest Seattle day must list exactly
// what the database holds for that day's confirmed and completed events.
const today = '2026-11-22';

describe('the chef prep sheet of a seeded day', () => {
  let client: pg.Client;
  let manager: StaffScope;
  let londonStaff: StaffScope;
  let superAdmin: StaffScope;
  let day: string;

  beforeAll(async () => {
    await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, today });
    client = await connect();
    const ids = await client.query<{ slug: string; id: string }>(`SELECT slug, id FROM "Station"`);
    const id = (slug: string) => ids.rows.find((row) => row.slug === slug)!.id;
    manager = await staffScope(client, 'MANAGER', id('seattle'));
    londonStaff = await staffScope(client, 'STAFF', id('london'));
    superAdmin = await staffScope(client, 'SUPER_ADMIN', null);
    const busiest = await client.query<{ day: string }>(
      `SELECT to_char("eventDate", 'YYYY-MM-DD') AS day FROM "Booking"
        WHERE "stationId" = $1 AND status = 'CONFIRMED' AND "eventDate" > $2::date
        GROUP BY "eventDate" ORDER BY count(*) DESC, "eventDate" LIMIT 1`,
      [id('seattle'), today],
    );
    day = busiest.rows[0]!.day;
  });
  afterAll(() => client.end());

  it('lists every event cooked that day with the counts, and totals that match the database', async () => {
    const sheet = await getPrepSheet({ scope: manager, query: { date: day } });
    const expected = await client.query<{ reference: string; balance: number }>(
      `SELECT b.reference,
              b."totalCents" - COALESCE((SELECT sum(p."amountCents" - p."refundedCents") FROM "Payment" p
                WHERE p."bookingId" = b.id AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED')), 0)::int AS balance
         FROM "Booking" b JOIN "Station" s ON s.id = b."stationId"
        WHERE s.slug = 'seattle' AND b."eventDate" = $1::date AND b.status IN ('CONFIRMED', 'COMPLETED')
        ORDER BY b."startsAt", b.reference`,
      [day],
    );
    expect(sheet.events.length).toBeGreaterThanOrEqual(3);
    expect(sheet.events.map((event) => event.reference)).toEqual(
      expected.rows.map((row) => row.reference),
    );
    expect(sheet.events.map((event) => event.balanceCents)).toEqual(
      expected.rows.map((row) => Math.max(0, row.balance)),
    );
    const counts = await client.query<{ name: string; quantity: number }>(
      `SELECT l.name, sum(l.quantity)::int AS quantity
         FROM "BookingMenuLine" l JOIN "Booking" b ON b.id = l."bookingId" JOIN "Station" s ON s.id = b."stationId"
        WHERE s.slug = 'seattle' AND b."eventDate" = $1::date AND b.status IN ('CONFIRMED', 'COMPLETED')
        GROUP BY l.name ORDER BY l.name`,
      [day],
    );
    expect(
      sheet.totals.items
        .map(({ name, quantity }) => ({ name, quantity }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual([...counts.rows].sort((a, b) => a.name.localeCompare(b.name)));
    // Each event's own counts add up to the shopping list, and its proteins to its party.
    const proteins = sheet.events
      .filter((event) => event.proteinsDecided)
      .map((event) => [
        event.lines
          .filter((line) => line.kind === 'PROTEIN' || line.kind === 'UPGRADE')
          .reduce((sum, line) => sum + line.quantity, 0),
        event.adults * 2,
      ]);
    for (const [chosen, wanted] of proteins) expect(chosen).toBe(wanted);
    const shellfish = sheet.events
      .flatMap((event) => event.dietary)
      .find((d) => d.tag === 'contains-shellfish');
    if (shellfish) expect(shellfish.items.join()).toMatch(/shrimp|lobster|scallops/i);
  });

  it('marks menus final once the lock has passed, and narrows to one chef', async () => {
    const before = await getPrepSheet({
      scope: manager,
      query: { date: day },
      now: new Date('2020-01-01T00:00:00Z'),
    });
    expect(before.events.every((event) => !event.final)).toBe(true);
    const onTheDay = await getPrepSheet({
      scope: manager,
      query: { date: day },
      now: new Date(`${day}T12:00:00Z`),
    });
    expect(onTheDay.events.every((event) => event.final)).toBe(true);
    const chef = onTheDay.events[0]!.chef;
    const one = await getPrepSheet({ scope: manager, query: { date: day, chef: chef.id } });
    expect(one.chef).toEqual(chef);
    expect(one.events.length).toBeGreaterThan(0);
    expect(one.events.every((event) => event.chef.id === chef.id)).toBe(true);
    expect(one.totals.events).toBe(one.events.length);
  });

  it('writes a CSV row per event and item, then the totals', async () => {
    const sheet = await getPrepSheet({ scope: manager, query: { date: day } });
    const lines = prepSheetCsv(sheet).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '"section","reference","time","chef","customer","phone","address","adults","children","item","kind","quantity","final","dietary","requests","balance","currency"',
    );
    const eventRows = sheet.events.reduce((sum, event) => sum + Math.max(1, event.lines.length), 0);
    expect(lines).toHaveLength(1 + eventRows + sheet.totals.items.length);
    expect(lines.at(-1)).toMatch(/^"total"/);
  });

  it('holds every role to its station and refuses bad input at its field', async () => {
    expect(
      await refusal(getPrepSheet({ scope: londonStaff, query: { date: day, station: 'seattle' } })),
    ).toMatchObject({
      status: 404,
    });
    const london = await getPrepSheet({ scope: londonStaff, query: { date: day } });
    expect(london.station).toMatchObject({ slug: 'london', currency: 'GBP', locale: 'en-GB' });
    expect(
      (await getPrepSheet({ scope: superAdmin, query: { date: day, station: 'seattle' } })).events
        .length,
    ).toBeGreaterThan(0);
    for (const [query, field] of [
      [{ date: '2026-02-30' }, 'date'],
      [{ date: day, chef: 'nope' }, 'chef'],
      [{ date: day, chef: '00000000-0000-4000-8000-000000000000' }, 'chef'],
      [{ date: day, extra: '1' }, 'extra'],
    ] as const)
      expect(await refusal(getPrepSheet({ scope: manager, query }))).toMatchObject({
        status: 400,
        details: { [field]: expect.any(Array) },
      });
  });
});
