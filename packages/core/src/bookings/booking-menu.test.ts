import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  bookingInput,
  daysAhead,
  heldBooking,
  payWithSimulator,
  refusal,
  resetStation,
  staffScope,
} from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { HIBACHI_MENU, insertMenu } from '../../test/factories';
import type { StaffScope } from '../auth/staff-scope';
import { menuLockAt } from '../menu/menu-lock';
import { recordOfflinePayment } from '../payments';
import { updateMenuItem } from '../stations';
import {
  changeBookingMenuAsStaff,
  changeCustomerMenu,
  createBooking,
  getCustomerBooking,
  getStaffBooking,
} from '.';

describe('a booking’s menu', () => {
  let client: pg.Client;
  let stationId: string;
  let menu: Record<string, string>;
  let manager: StaffScope;
  let staff: StaffScope;

  /** Eight adults' proteins (two each) with two upgrades, and a gyoza platter. */
  const choices = () => [
    { itemId: menu['Chicken']!, quantity: 10 },
    { itemId: menu['Filet mignon']!, quantity: 4 },
    { itemId: menu['Lobster tail']!, quantity: 2 },
    { itemId: menu['Gyoza platter']!, quantity: 1 },
  ];
  const counts = async (bookingRef: string) =>
    (
      await client.query<{ name: string; quantity: number; unit: number }>(
        `SELECT l.name, l.quantity, l."unitPriceCents" AS unit FROM "BookingMenuLine" l
           JOIN "Booking" b ON b.id = l."bookingId" WHERE b.reference = $1 ORDER BY l.name`,
        [bookingRef],
      )
    ).rows;
  const idOf = async (reference: string) =>
    (
      await client.query<{ id: string }>(`SELECT id FROM "Booking" WHERE reference = $1`, [
        reference,
      ])
    ).rows[0]!.id;

  beforeEach(async () => {
    client = await connect();
    ({ stationId } = await resetStation(client, 2));
    menu = await insertMenu(client, stationId, HIBACHI_MENU);
    manager = await staffScope(client, 'MANAGER', stationId);
    staff = await staffScope(client, 'STAFF', stationId);
    return () => client.end();
  });

  it('books with its choices priced and snapshotted, and a later price change leaves it as quoted', async () => {
    const result = await createBooking({
      input: bookingInput({ adults: 8, children: 0, menu: choices(), currency: 'USD' }),
    });
    const body = result.body as { reference: string; totalCents: number; currency: string };
    // 8 × $50 + 4 × $10 + 2 × $15 + $40 = $510 (above the $500 minimum).
    expect(body).toMatchObject({ totalCents: 51_000, currency: 'USD' });
    expect(await counts(body.reference)).toEqual([
      { name: 'Chicken', quantity: 10, unit: 0 },
      { name: 'Filet mignon', quantity: 4, unit: 1000 },
      { name: 'Gyoza platter', quantity: 1, unit: 4000 },
      { name: 'Lobster tail', quantity: 2, unit: 1500 },
    ]);
    const station = await client.query<{ version: number }>(`SELECT version FROM "Station"`);
    await updateMenuItem({
      scope: manager,
      itemId: menu['Filet mignon']!,
      input: { priceCents: 2500, version: station.rows[0]!.version },
    });
    await updateMenuItem({
      scope: manager,
      itemId: menu['Noodles']!,
      input: { priceCents: 700, version: station.rows[0]!.version + 1 },
    });
    const seen = await getStaffBooking({ scope: staff, bookingId: await idOf(body.reference) });
    expect(seen.totalCents).toBe(51_000);
    expect(seen.priceLines.find((line) => line.label.includes('Filet'))).toEqual({
      kind: 'MENU',
      label: '4 × Filet mignon (+$10)',
      amountCents: 4000,
    });
    // Changing the count of a line keeps its price; a new line takes the menu's price now.
    const changed = await changeBookingMenuAsStaff({
      scope: staff,
      bookingId: seen.id,
      input: {
        adults: 10,
        children: 0,
        version: seen.version,
        menu: [
          { itemId: menu['Chicken']!, quantity: 15 },
          { itemId: menu['Filet mignon']!, quantity: 5 },
          { itemId: menu['Gyoza platter']!, quantity: 1 },
          { itemId: menu['Noodles']!, quantity: 2 },
        ],
      },
    });
    // Filet stays at the $10 it was quoted; the noodles are new, at today's $7.
    expect(changed.totalCents).toBe(50_000 + 5 * 1000 + 4000 + 2 * 700);
  });

  it('refuses hostile choices at their fields, before anything is held', async () => {
    const before = await client.query(`SELECT count(*)::int AS n FROM "Booking"`);
    const other = await client.query<{ id: string }>(
      `INSERT INTO "Station" (slug, name, timezone, "adultPriceCents", "childPriceCents", "minimumCents", "depositCents", "updatedAt")
       VALUES ('elsewhere', 'Elsewhere', 'UTC', 1, 1, 1, 1, now()) RETURNING id`,
    );
    const foreign = await insertMenu(client, other.rows[0]!.id, [
      { name: 'Foreign', kind: 'UPGRADE' },
    ]);
    for (const [menuInput, field] of [
      [[{ itemId: foreign['Foreign'], quantity: 16 }], 'menu.0.itemId'],
      [[{ itemId: '00000000-0000-4000-8000-000000000001', quantity: 1 }], 'menu.0.itemId'],
      [[{ itemId: menu['Chicken'], quantity: -1 }], 'menu.0.quantity'],
      [[{ itemId: menu['Chicken'], quantity: 10_000 }], 'menu.0.quantity'],
      [[{ itemId: menu['Chicken'], quantity: 1.5 }], 'menu.0.quantity'],
      [[{ itemId: menu['Chicken'], quantity: 3 }], 'menu'],
      [[{ itemId: menu['Kids chicken'], quantity: 3 }], 'menu'],
      [
        [
          { itemId: menu['Chicken'], quantity: 8 },
          { itemId: menu['Chicken'], quantity: 8 },
        ],
        'menu',
      ],
    ] as const)
      expect(
        await refusal(
          createBooking({ input: bookingInput({ adults: 8, children: 2, menu: menuInput }) }),
        ),
        field,
      ).toMatchObject({ status: 400, details: { [field]: expect.any(Array) } });
    expect(
      await refusal(createBooking({ input: bookingInput({ currency: 'GBP' }) })),
    ).toMatchObject({
      status: 400,
      details: { currency: ['Test Station charges in USD, not GBP'] },
    });
    expect((await client.query(`SELECT count(*)::int AS n FROM "Booking"`)).rows).toEqual(
      before.rows,
    );
  });

  it('lets the customer change the party and menu before the lock: total and balance move, the deposit stays, audited and e-mailed', async () => {
    const { reference, token } = await heldBooking({ adults: 8, children: 0 });
    await payWithSimulator(reference, token);
    const booked = await getCustomerBooking({ reference, proof: { token } });
    expect(booked).toMatchObject({
      totalCents: 50_000,
      paidCents: 10_000,
      menu: { changeable: true, proteinsDecided: false },
    });
    const after = await changeCustomerMenu({
      reference,
      input: {
        token,
        adults: 10,
        children: 0,
        menu: choices().map((c, i) => (i === 0 ? { ...c, quantity: 14 } : c)),
        version: booked.version,
      },
    });
    expect(after).toMatchObject({
      adults: 10,
      totalCents: 50_000 + 4000 + 3000 + 4000,
      depositCents: 10_000,
      paidCents: 10_000,
      menu: { proteinsDecided: true },
    });
    expect(after.priceLines.map((line) => line.label)).toContain('Gyoza platter ($40)');
    const audit = await client.query<{
      before: { adults: number };
      after: { adults: number; totalCents: number };
    }>(`SELECT before, after FROM "AuditLog" WHERE action = 'booking.menu_changed'`);
    expect(audit.rows).toMatchObject([
      { before: { adults: 8 }, after: { adults: 10, totalCents: 61_000 } },
    ]);
    const mail = await client.query(
      `SELECT 1 FROM "OutboxMessage" WHERE kind = 'BOOKING_MENU_CHANGED'`,
    );
    expect(mail.rowCount).toBe(1);
    // The version read is the version written: a second change from the old page is refused.
    expect(
      await refusal(
        changeCustomerMenu({
          reference,
          input: { token, adults: 9, children: 0, menu: [], version: booked.version },
        }),
      ),
    ).toMatchObject({ status: 409, details: { reason: 'STALE_VERSION' } });
  });

  it('is final for the customer inside the lock; staff still change it, never below what was paid', async () => {
    // Four days out (the 48 h notice allows it); the lock is 72 h before the local start.
    const { reference, token } = await heldBooking({ date: daysAhead(4), adults: 8, children: 0 });
    const booked = await getCustomerBooking({ reference, proof: { token } });
    const lockAt = new Date(booked.menu.lockAt);
    const inside = new Date(lockAt.getTime() + 60_000);
    const refused = await refusal(
      changeCustomerMenu({
        reference,
        input: { token, adults: 8, children: 0, menu: choices(), version: booked.version },
        now: inside,
      }),
    );
    expect(refused).toMatchObject({
      status: 409,
      details: { reason: 'MENU_LOCKED', lockAt: booked.menu.lockAt },
    });
    expect(await counts(reference)).toEqual([]);
    const ok = await changeCustomerMenu({
      reference,
      input: { token, adults: 8, children: 0, menu: choices(), version: booked.version },
      now: new Date(lockAt.getTime() - 60_000),
    });
    expect(ok.menu.lines).toHaveLength(4);

    const id = await idOf(reference);
    await recordOfflinePayment({
      scope: staff,
      bookingId: id,
      input: { amountCents: ok.totalCents, method: 'CASH' },
    });
    const detail = await getStaffBooking({ scope: staff, bookingId: id });
    expect(
      await refusal(
        changeBookingMenuAsStaff({
          scope: staff,
          bookingId: id,
          input: { adults: 8, children: 0, menu: [], version: detail.version },
        }),
      ),
    ).toMatchObject({ status: 409, details: { reason: 'BELOW_PAID', paidCents: ok.totalCents } });
    const more = await changeBookingMenuAsStaff({
      scope: staff,
      bookingId: id,
      input: { adults: 11, children: 0, menu: [], version: detail.version },
    });
    expect(more.totalCents).toBe(55_000); // proteins left to decide: the guests' price only
    expect(await counts(reference)).toEqual([]);
  });

  it('keeps a deactivated item a booking holds, at that count or fewer, and refuses more', async () => {
    const result = await createBooking({
      input: bookingInput({ adults: 8, children: 0, menu: choices() }),
    });
    const { reference, manageUrl } = result.body as { reference: string; manageUrl: string };
    const token = new URL(manageUrl, 'http://x').searchParams.get('token')!;
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM "Station"`);
    await updateMenuItem({
      scope: manager,
      itemId: menu['Lobster tail']!,
      input: { active: false, version: rows[0]!.version },
    });
    const booked = await getCustomerBooking({ reference, proof: { token } });
    const keep = choices().map((choice) =>
      choice.itemId === menu['Lobster tail']
        ? { ...choice, quantity: 1 }
        : choice.itemId === menu['Chicken']
          ? { ...choice, quantity: 11 }
          : choice,
    );
    const kept = await changeCustomerMenu({
      reference,
      input: { token, adults: 8, children: 0, menu: keep, version: booked.version },
    });
    expect(kept.menu.lines.find((line) => line.name === 'Lobster tail')?.quantity).toBe(1);
    const more = keep.map((choice) =>
      choice.itemId === menu['Lobster tail']
        ? { ...choice, quantity: 3 }
        : choice.itemId === menu['Chicken']
          ? { ...choice, quantity: 9 }
          : choice,
    );
    expect(
      await refusal(
        changeCustomerMenu({
          reference,
          input: { token, adults: 8, children: 0, menu: more, version: kept.version },
        }),
      ),
    ).toMatchObject({
      status: 400,
      details: { 'menu.2.itemId': ['Lobster tail is no longer on the menu'] },
    });
  });
});

describe('menuLockAt', () => {
  it('counts the lock on the station wall clock across a DST change', () => {
    // US clocks go forward on 14 March 2027: 72 h before 18:00 on the 16th is 18:00 on the 13th (EST).
    expect(
      menuLockAt({ date: '2027-03-16', time: '18:00' }, 'America/New_York', 72).toISOString(),
    ).toBe('2027-03-13T23:00:00.000Z');
    // UK clocks go back on 31 October 2027: 48 h before 12:00 on 1 November is 12:00 BST on 30 October.
    expect(
      menuLockAt({ date: '2027-11-01', time: '12:00' }, 'Europe/London', 48).toISOString(),
    ).toBe('2027-10-30T11:00:00.000Z');
    // A lock falling in the gap (02:30 does not exist on 14 March) moves to after it.
    expect(
      menuLockAt({ date: '2027-03-15', time: '02:30' }, 'America/New_York', 24).toISOString(),
    ).toBe('2027-03-14T07:30:00.000Z');
  });
});
