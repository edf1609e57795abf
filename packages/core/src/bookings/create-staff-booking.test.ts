import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingInput, daysAhead, refusal, STATION } from '../../test/booking-fixtures';
import { setUpStaffWorkspace, type StaffWorkspace } from '../../test/staff-workspace';
import { getStaffAvailability } from '../availability';
import { quoteForStaff } from '../pricing';
import { addDays, todayInTimeZone } from '../time';
import { createBooking, createStaffBooking, expireHolds, findBookingCustomer } from '.';

type Created = {
  id: string;
  reference: string;
  status: string;
  holdExpiresAt: string;
  startsAt: string;
  paymentUrl: string;
};
const created = (result: Awaited<ReturnType<typeof createStaffBooking>>) => result.body as Created;

const tomorrow = () => addDays(todayInTimeZone('America/New_York'), 1);
const HOUR = 3_600_000;

describe('createStaffBooking (phone and text orders)', () => {
  let w: StaffWorkspace;

  beforeEach(async () => {
    w = await setUpStaffWorkspace();
  });
  afterEach(() => w.client.end());

  it('books inside the notice with the chosen chef, held for the staff hold, audited as staff', async () => {
    const input = bookingInput({ date: tomorrow(), time: '19:00', chefId: w.chefIds[1] });
    // The customer may not book tomorrow (48 h notice): staff may.
    const { chefId: _chosen, ...online } = input;
    expect(await refusal(createBooking({ input: online }))).toMatchObject({
      status: 400,
      details: { date: ['Please book at least 48 hours ahead'] },
    });
    const result = await createStaffBooking({
      scope: w.staff,
      input,
      requestId: 'req-staff-1',
    });
    const body = created(result);
    expect(result.status).toBe(201);
    expect(body.status).toBe('PENDING_PAYMENT');
    // Under 48 hours ahead: held until it starts, never past (the hold cannot outlast it).
    expect(body.holdExpiresAt).toBe(body.startsAt);
    expect(body.paymentUrl).toMatch(new RegExp(`^/pay/${body.reference}\\?token=`));

    const { rows } = await w.client.query(
      `SELECT b.id, b."chefId", b.source, b."createdByStaffId",
              (SELECT count(*)::int FROM "OutboxMessage" o WHERE o."bookingId" = b.id AND o.kind = 'BOOKING_CONFIRMATION') AS emails,
              (SELECT row_to_json(a) FROM (SELECT "actorType", "actorId", after->>'source' AS source
                 FROM "AuditLog" WHERE "entityId" = b.id::text AND action = 'booking.created') a) AS audit
         FROM "Booking" b WHERE b.reference = $1`,
      [body.reference],
    );
    expect(rows[0]).toMatchObject({
      id: body.id,
      chefId: w.chefIds[1],
      source: 'STAFF',
      createdByStaffId: w.staff.staffId,
      emails: 1,
      audit: { actorType: 'STAFF', actorId: w.staff.staffId, source: 'STAFF' },
    });
  });

  it('takes the station setting for how long a phone order is held', async () => {
    const usual = created(await createStaffBooking({ scope: w.manager, input: bookingInput() }));
    const heldUsual = new Date(usual.holdExpiresAt).getTime() - Date.now();
    expect(heldUsual).toBeGreaterThan(47 * HOUR);
    expect(heldUsual).toBeLessThanOrEqual(48 * HOUR);
    await w.client.query('UPDATE "Station" SET "staffHoldHours" = 72 WHERE id = $1', [w.stationId]);
    const body = created(await createStaffBooking({ scope: w.manager, input: bookingInput() }));
    const held = new Date(body.holdExpiresAt).getTime() - Date.now();
    expect(held).toBeGreaterThan(71 * HOUR);
    expect(held).toBeLessThanOrEqual(72 * HOUR);
  });

  it('waives nothing else: past times, closed dates, hours, one booking per customer and date', async () => {
    const today = todayInTimeZone('America/New_York');
    expect(
      await refusal(
        createStaffBooking({ scope: w.staff, input: bookingInput({ date: addDays(today, -1) }) }),
      ),
    ).toMatchObject({ status: 400, details: { date: expect.any(Array) } });
    expect(
      await refusal(createStaffBooking({ scope: w.staff, input: bookingInput({ time: '23:30' }) })),
    ).toMatchObject({ status: 400, details: { time: expect.any(Array) } });
    const date = daysAhead(9);
    await w.client.query(
      `INSERT INTO "StationDate" ("stationId", date, closed, note) VALUES ($1, $2, true, 'Holiday')`,
      [w.stationId, date],
    );
    expect(
      await refusal(createStaffBooking({ scope: w.staff, input: bookingInput({ date }) })),
    ).toMatchObject({ status: 400, details: { date: expect.any(Array) } });

    const customer = {
      name: 'Pat Phone',
      email: 'pat.phone@example.com',
      phone: '+1 555 010 3000',
    };
    await createBooking({ input: bookingInput({ customer, date: daysAhead(12), time: '12:00' }) });
    expect(
      await refusal(
        createStaffBooking({
          scope: w.staff,
          input: bookingInput({ customer, date: daysAhead(12), time: '19:00' }),
        }),
      ),
    ).toMatchObject({ status: 409, details: { reason: 'DUPLICATE_BOOKING' } });
  });

  it('refuses a chef who is busy then, a chef of another station, another station and a chef account', async () => {
    const date = daysAhead(11);
    await createStaffBooking({
      scope: w.staff,
      input: bookingInput({ date, time: '18:00', chefId: w.chefIds[0] }),
    });
    expect(
      await refusal(
        createStaffBooking({
          scope: w.staff,
          input: bookingInput({ date, time: '18:30', chefId: w.chefIds[0] }),
        }),
      ),
    ).toMatchObject({ status: 409, details: { reason: 'SLOT_TAKEN' } });
    expect(
      await refusal(
        createStaffBooking({ scope: w.staff, input: bookingInput({ chefId: w.otherChefId }) }),
      ),
    ).toMatchObject({ status: 400, details: { chefId: expect.any(Array) } });
    expect(
      await refusal(
        createStaffBooking({ scope: w.staff, input: bookingInput({ station: 'other-station' }) }),
      ),
    ).toMatchObject({ status: 404 });
    expect(
      await refusal(
        createStaffBooking({
          scope: { ...w.staff, role: 'CHEF', chefId: w.chefIds[0] },
          input: bookingInput(),
        }),
      ),
    ).toMatchObject({ status: 403 });
    // A super admin books at any station.
    const elsewhere = created(
      await createStaffBooking({
        scope: w.admin,
        input: bookingInput({ station: 'other-station' }),
      }),
    );
    expect(elsewhere.status).toBe('PENDING_PAYMENT');
    const { rows } = await w.client.query('SELECT count(*)::int AS n FROM "Booking"');
    expect(rows[0].n).toBe(2);
  });

  it('replays a retry with the same key, and keeps staff keys apart from the website', async () => {
    const input = bookingInput({ date: daysAhead(13) });
    const first = await createStaffBooking({ scope: w.staff, input, idempotencyKey: 'phone-0001' });
    const again = await createStaffBooking({ scope: w.staff, input, idempotencyKey: 'phone-0001' });
    expect(again).toMatchObject({ status: 201, replayed: true, body: first.body });
    // The same key on the website is another request altogether.
    const online = await createBooking({
      input: bookingInput({ date: daysAhead(14) }),
      idempotencyKey: 'phone-0001',
    });
    expect(online.replayed).toBe(false);
    expect((online.body as Created).reference).not.toBe(created(first).reference);
  });

  it('never double-books the last chefs when 20 staff and 20 online bookings race for them', async () => {
    const date = daysAhead(15);
    const attempts = await Promise.allSettled(
      Array.from({ length: 40 }, (_, index) =>
        index % 2 === 0
          ? createStaffBooking({ scope: w.staff, input: bookingInput({ date, time: '18:00' }) })
          : createBooking({ input: bookingInput({ date, time: '18:00' }) }),
      ),
    );
    const winners = attempts.filter((attempt) => attempt.status === 'fulfilled');
    const losers = attempts.filter(
      (attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected',
    );
    expect(winners).toHaveLength(2);
    expect(losers.map((loser) => [loser.reason.status, loser.reason.details?.reason])).toEqual(
      Array(38).fill([409, 'SLOT_TAKEN']),
    );
    const { rows } = await w.client.query(
      `SELECT count(*)::int AS overlaps FROM "Booking" a JOIN "Booking" b
          ON a."chefId" = b."chefId" AND a.id < b.id
         AND tstzrange(a."startsAt", a."blockedUntil") && tstzrange(b."startsAt", b."blockedUntil")
       WHERE a.status = 'PENDING_PAYMENT' AND b.status = 'PENDING_PAYMENT'`,
    );
    expect(rows[0].overlaps).toBe(0);
  });

  it('frees the chef when a phone order is not paid in time', async () => {
    const date = daysAhead(16);
    const body = created(
      await createStaffBooking({
        scope: w.staff,
        input: bookingInput({ date, time: '18:00', chefId: w.chefIds[0] }),
      }),
    );
    await w.client.query(
      `UPDATE "Booking" SET "holdExpiresAt" = now() - interval '1 second' WHERE id = $1`,
      [body.id],
    );
    expect(await expireHolds()).toBe(1);
    const again = created(
      await createStaffBooking({
        scope: w.staff,
        input: bookingInput({ date, time: '18:00', chefId: w.chefIds[0] }),
      }),
    );
    const { rows } = await w.client.query(
      'SELECT id, status FROM "Booking" WHERE id = ANY($1::uuid[]) ORDER BY "createdAt"',
      [[body.id, again.id]],
    );
    expect(rows.map((row) => row.status)).toEqual(['EXPIRED', 'PENDING_PAYMENT']);
  });
});

describe('what the New booking page reads', () => {
  let w: StaffWorkspace;

  beforeEach(async () => {
    w = await setUpStaffWorkspace();
  });
  afterEach(() => w.client.end());

  it('offers every start from now on, says which are open online, and which chefs are free', async () => {
    const date = tomorrow();
    const busy = created(
      await createStaffBooking({
        scope: w.staff,
        input: bookingInput({ date, time: '18:00', chefId: w.chefIds[0] }),
      }),
    );
    const day = await getStaffAvailability({ scope: w.staff, query: { station: STATION, date } });
    expect(day.chefs.map((chef) => chef.id).sort()).toEqual([...w.chefIds].sort());
    const six = day.slots.find((slot) => slot.time === '18:00');
    expect(six).toMatchObject({ available: 1, online: false, freeChefIds: [w.chefIds[1]] });
    const noon = day.slots.find((slot) => slot.time === '12:00');
    expect(noon).toMatchObject({ available: 2 });
    expect(day.slots.every((slot) => !slot.online)).toBe(true);
    expect(busy.status).toBe('PENDING_PAYMENT');

    const later = await getStaffAvailability({
      scope: w.staff,
      query: { station: STATION, date: daysAhead(20) },
    });
    expect(later.slots.every((slot) => slot.online && slot.available === 2)).toBe(true);
    expect(
      await refusal(
        getStaffAvailability({ scope: w.staff, query: { station: 'other-station', date } }),
      ),
    ).toMatchObject({ status: 404 });
  });

  it("finds a returning customer by exact e-mail or phone, only among the station's own", async () => {
    const customer = { name: 'Robin Return', email: 'robin@example.com', phone: '+1 555 010 4444' };
    await createBooking({ input: bookingInput({ customer, date: daysAhead(17) }) });
    const byEmail = await findBookingCustomer({
      scope: w.staff,
      query: { station: STATION, email: 'ROBIN@example.com' },
    });
    expect(byEmail.customer).toMatchObject({ ...customer, bookings: 1 });
    const byPhone = await findBookingCustomer({
      scope: w.staff,
      query: { station: STATION, phone: '+1 555 010 4444' },
    });
    expect(byPhone.customer?.email).toBe('robin@example.com');
    // Only whole values are looked up (blind index), and another station's staff see no one.
    expect(
      await refusal(
        findBookingCustomer({ scope: w.staff, query: { station: STATION, email: 'robin@' } }),
      ),
    ).toMatchObject({ status: 400, details: { email: ['Enter a whole e-mail address'] } });
    const otherStaff = { ...w.staff, stationId: w.otherStationId };
    expect(
      await refusal(
        findBookingCustomer({
          scope: otherStaff,
          query: { station: STATION, email: customer.email },
        }),
      ),
    ).toMatchObject({ status: 404 });
    expect(
      (
        await findBookingCustomer({
          scope: w.admin,
          query: { station: 'other-station', email: customer.email },
        })
      ).customer,
    ).toBeNull();
  });

  it("quotes at the caller's own station only", async () => {
    const quote = await quoteForStaff({
      scope: w.staff,
      input: { station: STATION, adults: 14, children: 0, postalCode: '10001' },
    });
    expect(quote.totalCents).toBe(14 * 5_000);
    expect(
      await refusal(
        quoteForStaff({ scope: w.staff, input: { station: 'other-station', adults: 4 } }),
      ),
    ).toMatchObject({ status: 404 });
  });
});
