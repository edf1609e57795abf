import { openDeep } from '../crypto/field-crypto';
import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../../test/booking-fixtures';
import { insertBooking, insertCustomer } from '../../test/factories';
import { setUpStaffWorkspace, type StaffWorkspace } from '../../test/staff-workspace';
import type { StaffScope } from '../auth/staff-scope';
import { listStaffBookings } from '.';

describe('listStaffBookings (the bookings list)', () => {
  let client: pg.Client;
  let stationId: string;
  let chefIds: string[];
  let manager: StaffScope;
  let staff: StaffScope;
  let admin: StaffScope;
  let bookings: StaffWorkspace['bookings'];

  beforeEach(async () => {
    const workspace = await setUpStaffWorkspace();
    ({ client, stationId, chefIds, manager, staff, admin, bookings } = workspace);
    return () => workspace.client.end();
  });

  it('walks every page exactly once, newest event first, while bookings are added between pages', async () => {
    const existing = await bookings(23);
    // Two bookings at the very same instant: ties are broken by id, not lost.
    const tieAt = new Date(Date.now() + 40 * 86_400_000).toISOString();
    for (const [index, chefId] of chefIds.entries()) {
      const customerId = await insertCustomer(client, `tie${index}@example.com`);
      existing.push(
        await insertBooking(client, { stationId, customerId, chefId, startsAt: tieAt }),
      );
    }

    const seen: string[] = [];
    const starts: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listStaffBookings({
        scope: manager,
        query: { limit: '5', ...(cursor ? { cursor } : {}) },
      });
      seen.push(...page.items.map((item) => item.id));
      starts.push(...page.items.map((item) => item.startsAt));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
      // Someone books in the middle of the walk: new rows, before and after the cursor.
      await bookings(1, { firstDay: 1 + pages, hourUtc: 15 });
      await bookings(1, { firstDay: 60 + pages, hourUtc: 15 });
    } while (cursor && pages < 50);

    const preExisting = seen.filter((id) => existing.includes(id));
    expect(preExisting.sort()).toEqual([...existing].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect([...starts].sort().reverse()).toEqual(starts);
  });

  it('refuses a forged or garbled cursor with 400', async () => {
    for (const cursor of [
      'nonsense!',
      'eyJoYWNrIjp0cnVlfQ',
      Buffer.from('["yesterday","x"]').toString('base64url'),
    ]) {
      expect(await refusal(listStaffBookings({ scope: manager, query: { cursor } }))).toMatchObject(
        {
          status: 400,
          details: { cursor: ['Invalid cursor'] },
        },
      );
    }
  });

  it("shows a station's staff only their station, and answers 404 when they ask for another", async () => {
    const own = await bookings(3);
    await bookings(2, { station: 'other' });
    const page = await listStaffBookings({ scope: staff, query: {} });
    expect(page.items.map((item) => item.id).sort()).toEqual([...own].sort());
    expect(
      await refusal(listStaffBookings({ scope: staff, query: { station: 'other-station' } })),
    ).toMatchObject({
      status: 404,
    });
    expect((await listStaffBookings({ scope: admin, query: {} })).items).toHaveLength(5);
    expect(
      (await listStaffBookings({ scope: admin, query: { station: 'other-station' } })).items,
    ).toHaveLength(2);
  });

  it('filters by status, local date range, chef and a reference or e-mail search', async () => {
    const [first, second, third] = await bookings(3);
    await client.query(`UPDATE "Booking" SET status = 'CANCELLED' WHERE id = $1`, [second]);
    const { rows } = await client.query<{ reference: string; email: string; date: string }>(
      `SELECT b.reference, c.email, to_char(b."eventDate", 'YYYY-MM-DD') AS date
         FROM "Booking" b JOIN "Customer" c ON c.id = b."customerId" WHERE b.id = $1`,
      [third],
    );
    const row = openDeep(rows[0]!);
    const ids = async (query: Record<string, string>) =>
      (await listStaffBookings({ scope: manager, query })).items.map((item) => item.id);

    expect(await ids({ status: 'CANCELLED' })).toEqual([second]);
    expect((await ids({ status: 'CONFIRMED,CANCELLED' })).sort()).toEqual(
      [first, second, third].sort(),
    );
    expect(await ids({ q: row.reference.toLowerCase() })).toEqual([third]);
    // The whole e-mail, in any case, by its blind index; a part of it finds nothing (sealed).
    expect(await ids({ q: ` ${row.email.toUpperCase()}` })).toEqual([third]);
    expect(await ids({ q: row.email.slice(0, 12) })).toEqual([]);
    expect(await ids({ from: row.date, to: row.date })).toEqual([third]);
    expect(await ids({ chef: chefIds[1]! })).toEqual([second]);
    expect(
      await refusal(listStaffBookings({ scope: manager, query: { from: '2026-02-30' } })),
    ).toMatchObject({ status: 400 });
    expect(
      await refusal(
        listStaffBookings({ scope: manager, query: { from: '2026-05-02', to: '2026-05-01' } }),
      ),
    ).toMatchObject({
      status: 400,
      details: { to: ['The end date is before the start date'] },
    });
    expect(
      await refusal(listStaffBookings({ scope: manager, query: { limit: '500' } })),
    ).toMatchObject({ status: 400 });
  });
});
