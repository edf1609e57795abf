import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { refusal, resetStation, staffScope } from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { openDeep } from '../crypto/field-crypto';
import { insertBooking, insertChef, insertCustomer, insertStation } from '../../test/factories';
import type { StaffScope } from '../auth/staff-scope';
import { getBookingKpis, getCustomerAnalytics, getPaymentAnalytics, streamBookingsCsv } from '.';

// A hand-built month with known answers. Station A is New York (2 chefs, 11:00-22:00); station
// B is London. March 8 2026 is the US change to summer time. Range: March 1-10.
const RANGE = { from: '2026-03-01', to: '2026-03-10' };

describe('analytics on a hand-built dataset', () => {
  let client: pg.Client;
  let manager: StaffScope;
  let staff: StaffScope;
  let superAdmin: StaffScope;
  let otherManager: StaffScope;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    client = await connect();
    const { stationId: a, chefIds } = await resetStation(client, 2);
    const b = await insertStation(client, 'london');
    await client.query(
      `UPDATE "Station" SET timezone = 'Europe/London', name = 'London' WHERE id = $1`,
      [b],
    );
    const londonChef = await insertChef(client, b, 'Chef London');
    await insertChef(client, a, 'Chef Retired').then((id) =>
      client.query(`UPDATE "Chef" SET active = false WHERE id = $1`, [id]),
    );
    manager = await staffScope(client, 'MANAGER', a);
    staff = await staffScope(client, 'STAFF', a);
    otherManager = await staffScope(client, 'MANAGER', b);
    superAdmin = await staffScope(client, 'SUPER_ADMIN', null);

    const customer: Record<string, string> = {};
    for (const name of ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'])
      customer[name] = await insertCustomer(client, `${name}@example.com`);
    await client.query(`UPDATE "Customer" SET name = '=HYPERLINK("http://x")' WHERE id = $1`, [
      customer.frank,
    ]);

    /** A booking at a local time (New York unless `zone`), made `leadDays` before it starts. */
    const book = async (
      key: string,
      options: {
        local: string;
        status: string;
        who: string;
        leadDays: number;
        adults?: number;
        children?: number;
        station?: string;
        chef?: string;
        zone?: string;
      },
    ) => {
      const zone = options.zone ?? 'America/New_York';
      const { rows } = await client.query<{ at: string }>(
        `SELECT ($1::timestamp AT TIME ZONE $2)::text AS at`,
        [options.local, zone],
      );
      ids[key] = await insertBooking(client, {
        stationId: options.station ?? a,
        customerId: customer[options.who]!,
        chefId: options.chef ?? chefIds[0]!,
        startsAt: rows[0]!.at,
        status: options.status,
        adults: options.adults ?? 4,
        children: options.children ?? 0,
      });
      await client.query(
        `UPDATE "Booking" SET "eventDate" = $2::timestamp::date, "createdAt" = "startsAt" - make_interval(days => $3)
          WHERE id = $1`,
        [ids[key], options.local, options.leadDays],
      );
    };
    await book('b1', {
      local: '2026-03-02 18:00',
      status: 'CONFIRMED',
      who: 'alice',
      leadDays: 10,
    });
    await book('b2', {
      local: '2026-03-08 23:30',
      status: 'COMPLETED',
      who: 'bob',
      leadDays: 20,
      adults: 6,
      children: 2,
    });
    await book('b3', { local: '2026-03-05 12:00', status: 'CANCELLED', who: 'carol', leadDays: 5 });
    await book('b4', { local: '2026-03-06 18:00', status: 'NO_SHOW', who: 'alice', leadDays: 15 });
    await book('b5', { local: '2026-03-07 12:00', status: 'EXPIRED', who: 'dave', leadDays: 100 });
    await book('b6', {
      local: '2026-03-09 12:00',
      status: 'PENDING_PAYMENT',
      who: 'erin',
      leadDays: 1,
    });
    await book('b7', { local: '2026-03-11 12:00', status: 'CONFIRMED', who: 'bob', leadDays: 3 });
    await book('b8', { local: '2026-02-10 12:00', status: 'COMPLETED', who: 'carol', leadDays: 7 });
    await book('b11', {
      local: '2026-03-10 23:30',
      status: 'CONFIRMED',
      who: 'frank',
      leadDays: 9,
      adults: 2,
    });
    await book('b9', {
      local: '2026-03-03 12:00',
      status: 'CONFIRMED',
      who: 'alice',
      leadDays: 4,
      station: b,
      chef: londonChef,
      zone: 'Europe/London',
    });

    const pay = async (
      booking: string,
      options: {
        local: string;
        method: string;
        status: string;
        amount: number;
        refunded?: number;
        requested?: number;
        zone?: string;
      },
    ) =>
      client.query(
        `INSERT INTO "Payment" ("bookingId", "stationId", "amountCents", "refundedCents", "refundRequestedCents",
                                method, status, "createdAt", "updatedAt")
         SELECT id, "stationId", $2, $3, $4, $5::"PaymentMethod", $6::"PaymentStatus",
                $7::timestamp AT TIME ZONE $8, now()
           FROM "Booking" WHERE id = $1`,
        [
          ids[booking],
          options.amount,
          options.refunded ?? 0,
          options.requested ?? options.refunded ?? 0,
          options.method,
          options.status,
          options.local,
          options.zone ?? 'America/New_York',
        ],
      );
    // Feb 28 23:30 in New York is already March 1 in UTC: not in the range.
    await pay('b1', {
      local: '2026-02-28 23:30',
      method: 'CARD',
      status: 'SUCCEEDED',
      amount: 10_000,
    });
    await pay('b2', {
      local: '2026-03-01 12:00',
      method: 'CARD',
      status: 'SUCCEEDED',
      amount: 10_000,
    });
    // March 10 23:30 in New York is March 11 in UTC: in the range.
    await pay('b2', {
      local: '2026-03-10 23:30',
      method: 'CASH',
      status: 'SUCCEEDED',
      amount: 50_000,
    });
    await pay('b3', {
      local: '2026-03-03 09:00',
      method: 'CARD',
      status: 'REFUNDED',
      amount: 10_000,
      refunded: 10_000,
    });
    await pay('b4', {
      local: '2026-03-04 09:00',
      method: 'CARD',
      status: 'PARTIALLY_REFUNDED',
      amount: 10_000,
      refunded: 4_000,
      requested: 6_000,
    });
    await pay('b6', {
      local: '2026-03-09 09:00',
      method: 'CARD',
      status: 'FAILED',
      amount: 10_000,
    });
    await pay('b8', {
      local: '2026-02-10 15:00',
      method: 'CASH',
      status: 'SUCCEEDED',
      amount: 60_000,
    });
    await pay('b9', {
      local: '2026-03-02 10:00',
      method: 'CARD',
      status: 'SUCCEEDED',
      amount: 10_000,
      zone: 'Europe/London',
    });
    return () => client.end();
  });

  it('booking KPIs: statuses, revenue, party, rates, lead time, utilisation and every day', async () => {
    const kpis = await getBookingKpis({ scope: manager, query: RANGE });
    expect(kpis).toMatchObject({
      byStatus: {
        CONFIRMED: 2,
        COMPLETED: 1,
        CANCELLED: 1,
        NO_SHOW: 1,
        EXPIRED: 1,
        PENDING_PAYMENT: 1,
      },
      bookings: 6,
      confirmedRevenueCents: 180_000,
      averagePartySize: 4.67,
      cancellationRate: 0.2,
      noShowRate: 0.5,
      averageLeadDays: 10,
      bookedChefHours: 6,
      // 2 active chefs (the retired one does not count) × 11 h × 10 days
      availableChefHours: 220,
      chefUtilisation: 0.0273,
    });
    expect(kpis.perDay).toHaveLength(10);
    const day = (date: string) => kpis.perDay.find((entry) => entry.date === date);
    expect(day('2026-03-02')).toEqual({ date: '2026-03-02', bookings: 1, revenueCents: 60_000 });
    // 23:30 local on the DST-change day belongs to that day (UTC says March 9).
    expect(day('2026-03-08')).toEqual({ date: '2026-03-08', bookings: 1, revenueCents: 60_000 });
    expect(day('2026-03-07')).toEqual({ date: '2026-03-07', bookings: 0, revenueCents: 0 });
    expect(day('2026-03-10')).toEqual({ date: '2026-03-10', bookings: 1, revenueCents: 60_000 });
    expect(kpis.perDay.reduce((sum, entry) => sum + entry.bookings, 0)).toBe(6);
  });

  it('payment analytics: gross, refunds, net, methods, months, card success, owed refunds, balances', async () => {
    const payments = await getPaymentAnalytics({ scope: staff, query: RANGE });
    expect(payments).toMatchObject({
      grossCents: 80_000,
      refundedCents: 14_000,
      netCents: 66_000,
      byMethod: [
        { method: 'CARD', count: 3, amountCents: 30_000, share: 0.375 },
        { method: 'CASH', count: 1, amountCents: 50_000, share: 0.625 },
        { method: 'CHECK', count: 0, amountCents: 0, share: 0 },
      ],
      byMonth: [{ month: '2026-03', grossCents: 80_000, refundedCents: 14_000, netCents: 66_000 }],
      cardSuccessRate: 0.75,
      refundsOwed: { count: 1, cents: 2_000 },
      // b1: $600 less the $100 deposit; b11: nothing paid
      outstanding: { bookings: 2, cents: 110_000 },
    });
    expect(payments.refundsOwed.items).toEqual([
      expect.objectContaining({ bookingId: ids.b4, owedCents: 2_000, method: 'CARD' }),
    ]);
    const wide = await getPaymentAnalytics({
      scope: manager,
      query: { from: '2026-01-15', to: '2026-03-10' },
    });
    expect(wide.byMonth.map((month) => [month.month, month.grossCents])).toEqual([
      ['2026-01', 0],
      ['2026-02', 70_000],
      ['2026-03', 80_000],
    ]);
  });

  it('customer analytics: new vs returning, repeat rate, top customers by lifetime value', async () => {
    const customers = await getCustomerAnalytics({ scope: manager, query: RANGE });
    expect(customers).toMatchObject({
      customers: 5,
      newCustomers: 4,
      returningCustomers: 1,
      repeatRate: 0.6,
    });
    expect(
      customers.topCustomers.map((row) => [row.email, row.bookings, row.lifetimeValueCents]),
    ).toEqual([
      ['bob@example.com', 2, 60_000],
      ['carol@example.com', 2, 60_000],
      ['alice@example.com', 2, 16_000],
      // Ties by more events (bob and carol have two), then the latest (frank's on March 10).
      ['frank@example.com', 1, 0],
      ['erin@example.com', 1, 0],
    ]);
    expect(customers.customer).toBeUndefined();
  });

  it("one customer's history by e-mail, any case; scoped to the caller's station", async () => {
    const mine = await getCustomerAnalytics({
      scope: manager,
      query: { ...RANGE, email: 'ALICE@Example.com' },
    });
    expect(mine.customer).toMatchObject({ email: 'alice@example.com', lifetimeValueCents: 16_000 });
    expect(mine.customer!.bookings.map((booking) => booking.id)).toEqual([ids.b4, ids.b1]);
    expect(mine.customer!.payments.map((payment) => payment.amountCents)).toEqual([10_000, 10_000]);
    const everywhere = await getCustomerAnalytics({
      scope: superAdmin,
      query: { ...RANGE, email: 'alice@example.com' },
    });
    expect(everywhere.customer!.bookings.map((booking) => booking.station)).toEqual([
      'Test Station',
      'London',
      'Test Station',
    ]);
    expect(everywhere.customer!.lifetimeValueCents).toBe(26_000);
    const unknown = await getCustomerAnalytics({
      scope: manager,
      query: { ...RANGE, email: 'nobody@example.com' },
    });
    expect(unknown.customer).toBeNull();
  });

  it('customer figures from the rollups equal the definition, for every range and scope', async () => {
    // The definition, live: a customer is in a range if a booking that is not a lapsed hold
    // falls in it; new if their first such booking in scope does. The top ten by lifetime
    // value, then more events, then the latest, then e-mail.
    const live = async (from: string, to: string, stationId: string | null) => {
      const { rows } = await client.query<{ result: Record<string, unknown> }>(
        `WITH lifetime AS (
           SELECT b."customerId", min(b."eventDate") AS first, max(b."eventDate") AS last, count(*) AS bookings,
                  sum(COALESCE((SELECT sum(p."amountCents" - p."refundedCents") FROM "Payment" p
                                 WHERE p."bookingId" = b.id AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED')), 0)) AS value,
                  bool_or(b."eventDate" BETWEEN $1::date AND $2::date) AS seen
             FROM "Booking" b
            WHERE b.status <> 'EXPIRED' AND ($3::uuid IS NULL OR b."stationId" = $3::uuid)
            GROUP BY b."customerId")
         SELECT json_build_object(
           'customers', count(*) FILTER (WHERE seen),
           'newCustomers', count(*) FILTER (WHERE seen AND first >= $1::date),
           'returningCustomers', count(*) FILTER (WHERE seen AND first < $1::date),
           'top', (SELECT json_agg(json_build_object('email', c.email, 'value', l.value,
                                                     'bookings', l.bookings, 'last', l.last))
                     FROM lifetime l JOIN "Customer" c ON c.id = l."customerId" WHERE l.seen)) AS result
           FROM lifetime`,
        [from, to, stationId],
      );
      // E-mails are sealed: opened here, then ordered like the definition says.
      const result = openDeep(rows[0]!.result);
      const top = result.top as
        { email: string; value: number; bookings: number; last: string }[] | null;
      return {
        ...result,
        top: top
          ? top
              .sort(
                (a, b) =>
                  b.value - a.value ||
                  b.bookings - a.bookings ||
                  b.last.localeCompare(a.last) ||
                  a.email.localeCompare(b.email),
              )
              .slice(0, 10)
              .map((row) => `${row.email}:${row.value}`)
          : null,
      };
    };
    const { rows: stations } = await client.query<{ id: string; slug: string }>(
      `SELECT id, slug FROM "Station"`,
    );
    const scopes = [null, ...stations];
    let compared = 0;
    // Windows of one, three and seven days from before the first booking to after the last,
    // so spans end inside, start inside and enclose the range with and without a booking in it.
    for (let day = Date.UTC(2026, 1, 8); day <= Date.UTC(2026, 2, 13); day += 86_400_000)
      for (const length of [0, 2, 6]) {
        const from = new Date(day).toISOString().slice(0, 10);
        const to = new Date(day + length * 86_400_000).toISOString().slice(0, 10);
        for (const station of scopes) {
          const got = await getCustomerAnalytics({
            scope: superAdmin,
            query: { from, to, ...(station ? { station: station.slug } : {}) },
          });
          const want = await live(from, to, station?.id ?? null);
          expect(
            {
              customers: got.customers,
              newCustomers: got.newCustomers,
              returningCustomers: got.returningCustomers,
              top: got.topCustomers.length
                ? got.topCustomers.map((row) => `${row.email}:${row.lifetimeValueCents}`)
                : null,
            },
            `${from}..${to} ${station?.slug ?? 'every station'}`,
          ).toEqual(want);
          compared += 1;
        }
      }
    expect(compared).toBeGreaterThan(300);
  });

  it('a super admin across every station sees the sum of the stations', async () => {
    const [all, a, b] = await Promise.all([
      Promise.all([
        getBookingKpis({ scope: superAdmin, query: RANGE }),
        getPaymentAnalytics({ scope: superAdmin, query: RANGE }),
      ]),
      Promise.all([
        getBookingKpis({ scope: superAdmin, query: { ...RANGE, station: 'test-station' } }),
        getPaymentAnalytics({ scope: superAdmin, query: { ...RANGE, station: 'test-station' } }),
      ]),
      Promise.all([
        getBookingKpis({ scope: otherManager, query: RANGE }),
        getPaymentAnalytics({ scope: otherManager, query: RANGE }),
      ]),
    ]);
    expect(a[0].bookings).toBe(6);
    expect(b[0].bookings).toBe(1);
    expect(all[0].bookings).toBe(a[0].bookings + b[0].bookings);
    expect(all[0].confirmedRevenueCents).toBe(
      a[0].confirmedRevenueCents + b[0].confirmedRevenueCents,
    );
    expect(all[0].availableChefHours).toBe(a[0].availableChefHours + b[0].availableChefHours);
    expect(all[1].grossCents).toBe(a[1].grossCents + b[1].grossCents);
    expect(all[1].grossCents).toBe(90_000);
    for (const [index, entry] of all[0].perDay.entries())
      expect(entry.bookings).toBe(a[0].perDay[index]!.bookings + b[0].perDay[index]!.bookings);
  });

  it("refuses bad ranges and other stations' figures", async () => {
    const cases: [StaffScope, Record<string, string>, number][] = [
      [manager, { from: '2026-03-10', to: '2026-03-01' }, 400],
      [manager, { from: '2026-02-30', to: '2026-03-01' }, 400],
      [manager, { from: '2021-01-01', to: '2026-01-01' }, 400],
      [manager, { from: 'yesterday', to: '2026-03-01' }, 400],
      [manager, { ...RANGE, email: 'not-an-address' }, 400],
      [superAdmin, { ...RANGE, station: 'atlantis' }, 404],
      [manager, { ...RANGE, station: 'london' }, 404],
      [staff, { ...RANGE, station: 'london' }, 404],
    ];
    for (const [scope, query, status] of cases)
      for (const run of [getBookingKpis, getPaymentAnalytics, getCustomerAnalytics])
        expect(await refusal(run({ scope, query })), JSON.stringify(query)).toMatchObject({
          status,
        });
    // Exactly two years is fine (February's completed booking joins in).
    await expect(
      getBookingKpis({ scope: manager, query: { from: '2024-03-11', to: '2026-03-10' } }),
    ).resolves.toMatchObject({ bookings: 7 });
  });

  it('CSV export: header, station-scoped rows in event order, formula cells escaped', async () => {
    const lines: string[] = [];
    for await (const line of await streamBookingsCsv({ scope: manager, query: RANGE }))
      lines.push(line);
    expect(lines[0]).toBe(
      '"reference","station","event_date","start_time","status","customer_name","customer_email","adults","children","chef","total_usd","paid_usd","booked_at","currency","total","paid"\r\n',
    );
    expect(lines).toHaveLength(1 + 7);
    expect(lines.slice(1).map((line) => line.split(',')[2])).toEqual([
      '"2026-03-02"',
      '"2026-03-05"',
      '"2026-03-06"',
      '"2026-03-07"',
      '"2026-03-08"',
      '"2026-03-09"',
      '"2026-03-10"',
    ]);
    const frank = lines.find((line) => line.includes('frank@example.com'))!;
    expect(frank).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines.join('')).not.toContain('London');
    expect(
      await refusal(streamBookingsCsv({ scope: manager, query: { ...RANGE, station: 'london' } })),
    ).toMatchObject({ status: 404 });
  });

  it('top ten: by value, then more events, then the latest, then e-mail, cut at ten', async () => {
    const station = await insertStation(client, 'top-ten');
    const chefs: string[] = [];
    for (const name of ['One', 'Two', 'Three', 'Four'])
      chefs.push(await insertChef(client, station, `Chef ${name}`));
    const visit = async (customerId: string, startsAt: string, chef: number) => {
      const booking = await insertBooking(client, {
        stationId: station,
        customerId,
        chefId: chefs[chef]!,
        startsAt,
        status: 'CONFIRMED',
      });
      await client.query(
        `INSERT INTO "Payment" ("bookingId", "stationId", "amountCents", method, status, "updatedAt")
         VALUES ($1, $2, 10000, 'CARD', 'SUCCEEDED', now())`,
        [booking, station],
      );
    };
    // One customer with two deposits; fourteen with one: four on May 20, ten on May 10.
    const zed = await insertCustomer(client, 'zed@example.com');
    await visit(zed, '2026-05-05T16:00:00Z', 0);
    await visit(zed, '2026-05-06T16:00:00Z', 0);
    const may20 = ['kim', 'amy', 'lou', 'bea'];
    const may10 = ['quinn', 'eve', 'cat', 'ned', 'dan', 'gus', 'hal', 'ian', 'fay', 'joe'];
    for (const [index, name] of may20.entries())
      await visit(
        await insertCustomer(client, `${name}@example.com`),
        '2026-05-20T16:00:00Z',
        index,
      );
    for (const [index, name] of may10.entries())
      await visit(
        await insertCustomer(client, `${name}@example.com`),
        // 12:00, 16:00 and 20:00 in New York, each chef's events four hours apart
        ['2026-05-10T16:00:00Z', '2026-05-10T20:00:00Z', '2026-05-11T00:00:00Z'][index % 3]!,
        Math.floor(index / 3),
      );
    const figures = await getCustomerAnalytics({
      scope: await staffScope(client, 'MANAGER', station),
      query: { from: '2026-05-01', to: '2026-05-31' },
    });
    expect(figures.customers).toBe(15);
    expect(figures.topCustomers.map((row) => row.email.split('@')[0])).toEqual([
      'zed',
      ...['amy', 'bea', 'kim', 'lou'],
      ...['cat', 'dan', 'eve', 'fay', 'gus'],
    ]);
  });
});
