import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  heldBooking,
  payWithSimulator,
  resetStation,
  staffScope,
  refusal,
} from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { insertBooking, insertChef, insertCustomer, insertStation } from '../../test/factories';
import type { StaffScope } from '../auth/staff-scope';
import { recordOfflinePayment } from '../payments';
import {
  cancelBookingAsStaff,
  getStaffBooking,
  listStaffBookings,
  markBookingOutcome,
  updateBookingNotes,
} from '.';

describe('the staff bookings workspace', () => {
  let client: pg.Client;
  let stationId: string;
  let chefIds: string[];
  let otherStationId: string;
  let otherChefId: string;
  let manager: StaffScope;
  let staff: StaffScope;
  let admin: StaffScope;

  beforeEach(async () => {
    client = await connect();
    ({ stationId, chefIds } = await resetStation(client, 2));
    otherStationId = await insertStation(client, 'other-station');
    otherChefId = await insertChef(client, otherStationId, 'Chef Elsewhere');
    manager = await staffScope(client, 'MANAGER', stationId);
    staff = await staffScope(client, 'STAFF', stationId);
    admin = await staffScope(client, 'SUPER_ADMIN', null);
    return () => client.end();
  });

  /** `count` confirmed bookings, one a day from `firstDay` days ahead, at the test station (or another). */
  async function bookings(
    count: number,
    options: { firstDay?: number; station?: 'own' | 'other'; hourUtc?: number } = {},
  ) {
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const customerId = await insertCustomer(
        client,
        `guest${Math.random().toString(36).slice(2)}@example.com`,
      );
      const startsAt = new Date(Date.now() + ((options.firstDay ?? 5) + index) * 86_400_000);
      startsAt.setUTCHours(options.hourUtc ?? 22, 0, 0, 0);
      ids.push(
        await insertBooking(client, {
          stationId: options.station === 'other' ? otherStationId : stationId,
          customerId,
          chefId: options.station === 'other' ? otherChefId : chefIds[index % 2]!,
          startsAt: startsAt.toISOString(),
        }),
      );
    }
    return ids;
  }

  describe('list', () => {
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
        expect(
          await refusal(listStaffBookings({ scope: manager, query: { cursor } })),
        ).toMatchObject({
          status: 400,
          details: { cursor: ['Invalid cursor'] },
        });
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
      const row = rows[0]!;
      const ids = async (query: Record<string, string>) =>
        (await listStaffBookings({ scope: manager, query })).items.map((item) => item.id);

      expect(await ids({ status: 'CANCELLED' })).toEqual([second]);
      expect((await ids({ status: 'CONFIRMED,CANCELLED' })).sort()).toEqual(
        [first, second, third].sort(),
      );
      expect(await ids({ q: row.reference.toLowerCase() })).toEqual([third]);
      expect(await ids({ q: row.email.slice(0, 12).toUpperCase() })).toEqual([third]);
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

  describe('detail', () => {
    it('has the customer, price lines, payments, balance, audit trail, e-mails and what the role may do', async () => {
      const { reference, token } = await heldBooking();
      await payWithSimulator(reference, token);
      const { rows } = await client.query<{ id: string; version: number }>(
        'SELECT id, version FROM "Booking" WHERE reference = $1',
        [reference],
      );
      const booking = rows[0]!;
      await recordOfflinePayment({
        scope: staff,
        bookingId: booking.id,
        input: { amountCents: 5_000, method: 'CASH', version: booking.version },
      });

      const detail = await getStaffBooking({ scope: manager, bookingId: booking.id });
      expect(detail).toMatchObject({
        reference,
        status: 'CONFIRMED',
        customer: { email: expect.stringContaining('@example.com') },
        totalCents: 50_000,
        paidCents: 15_000,
        balanceCents: 35_000,
        priceLines: [
          { label: '6 adults × $50', amountCents: 30_000 },
          { label: '2 children × $25', amountCents: 5_000 },
          { label: 'Event minimum $500', amountCents: 15_000 },
        ],
        actions: { recordPayment: true, cancel: true, markOutcome: false, editNotes: true },
      });
      expect(detail.payments.map((payment) => [payment.method, payment.amountCents])).toEqual([
        ['CARD', 10_000],
        ['CASH', 5_000],
      ]);
      expect(detail.payments[1]!.recordedBy).toBe('Staff Member');
      expect(detail.audit.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['booking.created', 'payment.recorded']),
      );
      expect(detail.audit.find((entry) => entry.action === 'payment.recorded')!.actor).toEqual({
        type: 'STAFF',
        name: 'Staff Member',
      });
      expect(detail.emails.map((email) => email.kind)).toContain('BOOKING_CONFIRMATION');

      const staffView = await getStaffBooking({ scope: staff, bookingId: booking.id });
      expect(staffView.actions).toMatchObject({ cancel: false, recordPayment: true });
    });

    it("answers 404 for another station's booking and for ids that are not ids", async () => {
      const [elsewhere] = await bookings(1, { station: 'other' });
      expect(await refusal(getStaffBooking({ scope: staff, bookingId: elsewhere! }))).toMatchObject(
        { status: 404 },
      );
      expect(
        await refusal(getStaffBooking({ scope: manager, bookingId: '../../etc' })),
      ).toMatchObject({ status: 404 });
      await expect(getStaffBooking({ scope: admin, bookingId: elsewhere! })).resolves.toMatchObject(
        { id: elsewhere },
      );
    });
  });

  describe('writes', () => {
    it('marks an event completed or no-show only once it has started, with a version check and audit', async () => {
      const [future] = await bookings(1);
      expect(
        await refusal(
          markBookingOutcome({
            scope: staff,
            bookingId: future!,
            input: { status: 'COMPLETED', version: 1 },
          }),
        ),
      ).toMatchObject({
        status: 409,
        details: { reason: 'BAD_STATE' },
      });
      const customerId = await insertCustomer(client, 'past@example.com');
      const past = await insertBooking(client, {
        stationId,
        customerId,
        chefId: chefIds[0]!,
        startsAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
      });
      expect(
        await refusal(
          markBookingOutcome({
            scope: staff,
            bookingId: past,
            input: { status: 'NO_SHOW', version: 7 },
          }),
        ),
      ).toMatchObject({
        status: 409,
        details: { reason: 'STALE_VERSION' },
      });
      await expect(
        markBookingOutcome({
          scope: staff,
          bookingId: past,
          input: { status: 'NO_SHOW', version: 1 },
        }),
      ).resolves.toEqual({
        id: past,
        status: 'NO_SHOW',
        version: 2,
      });
      expect(
        await refusal(
          markBookingOutcome({
            scope: staff,
            bookingId: past,
            input: { status: 'COMPLETED', version: 2 },
          }),
        ),
      ).toMatchObject({
        status: 409,
      });
      const { rows } = await client.query(
        `SELECT action, before, after FROM "AuditLog" WHERE "entityId" = $1`,
        [past],
      );
      expect(rows).toEqual([
        {
          action: 'booking.no_show',
          before: { status: 'CONFIRMED' },
          after: { status: 'NO_SHOW' },
        },
      ]);
    });

    it('keeps notes with a version check; a second editor with the old version gets 409', async () => {
      const [id] = await bookings(1);
      await expect(
        updateBookingNotes({
          scope: staff,
          bookingId: id!,
          input: { notes: 'Gate code 1234 <b>', version: 1 },
        }),
      ).resolves.toEqual({
        id,
        notes: 'Gate code 1234',
        version: 2,
      });
      expect(
        await refusal(
          updateBookingNotes({
            scope: manager,
            bookingId: id!,
            input: { notes: 'Other', version: 1 },
          }),
        ),
      ).toMatchObject({
        status: 409,
        details: { reason: 'STALE_VERSION' },
      });
      const { rows } = await client.query(
        `SELECT before, after FROM "AuditLog" WHERE "entityId" = $1`,
        [id],
      );
      expect(rows).toEqual([{ before: { notes: null }, after: { notes: 'Gate code 1234' } }]);
    });

    it('refuses a cancellation from STAFF with 403 before looking at the booking', async () => {
      const [own] = await bookings(1);
      const [elsewhere] = await bookings(1, { station: 'other' });
      for (const bookingId of [own!, elsewhere!, 'not-an-id'])
        expect(
          await refusal(
            cancelBookingAsStaff({
              scope: staff,
              bookingId,
              input: { reason: 'Test reason', refund: false },
            }),
          ),
        ).toMatchObject({
          status: 403,
          code: 'FORBIDDEN',
        });
    });

    it('refuses a recorded payment against a booking version someone else changed', async () => {
      const [id] = await bookings(1);
      await recordOfflinePayment({
        scope: staff,
        bookingId: id!,
        input: { amountCents: 1_000, method: 'CASH', version: 1 },
      });
      expect(
        await refusal(
          recordOfflinePayment({
            scope: manager,
            bookingId: id!,
            input: { amountCents: 1_000, method: 'CASH', version: 1 },
          }),
        ),
      ).toMatchObject({ status: 409, details: { reason: 'STALE_VERSION' } });
    });

    it('answers hostile or malformed bodies on every write with a 4xx and changes nothing', async () => {
      const [id] = await bookings(1);
      const counts = async () =>
        (
          await client.query(
            `SELECT (SELECT count(*) FROM "AuditLog")::int AS audit, (SELECT count(*) FROM "Payment")::int AS payments,
                    (SELECT count(*) FROM "OutboxMessage")::int AS emails,
                    (SELECT row_to_json(b)::text FROM "Booking" b WHERE id = $1) AS booking`,
            [id],
          )
        ).rows[0];
      const before = await counts();
      const bodies: unknown[] = [
        JSON.parse('{"__proto__": {"admin": true}, "status": "COMPLETED", "version": 1}'),
        JSON.parse('{"constructor": {"prototype": {"x": 1}}, "notes": "x", "version": 1}'),
        { status: 'COMPLETED', version: '1' },
        { notes: 42, version: 1 },
        { notes: 'x'.repeat(65_000), version: 1 },
        JSON.parse('{"amountCents": 1e309, "method": "CASH"}'),
        { amountCents: -0, method: 'CASH' },
        { amountCents: 'NaN', method: 'CASH' },
        { reason: ['array'], refund: 'yes' },
        [],
        null,
        'text',
      ];
      const writes = [
        (input: unknown) => markBookingOutcome({ scope: manager, bookingId: id!, input }),
        (input: unknown) => updateBookingNotes({ scope: manager, bookingId: id!, input }),
        (input: unknown) => recordOfflinePayment({ scope: manager, bookingId: id!, input }),
        (input: unknown) => cancelBookingAsStaff({ scope: manager, bookingId: id!, input }),
      ];
      for (const write of writes)
        for (const body of bodies) {
          const result = await refusal(write(body));
          expect(result.status, JSON.stringify(body)?.slice(0, 80)).toBeGreaterThanOrEqual(400);
          expect(result.status).toBeLessThan(500);
        }
      expect(await counts()).toEqual(before);
    });
  });
});
