import { beforeEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { connect } from '../../test/database';
import {
  bookingInput,
  daysAhead,
  refusal,
  resetStation,
  STATION,
  staffScope,
} from '../../test/booking-fixtures';
import { insertBooking, insertCustomer } from '../../test/factories';
import type { StaffScope } from '../auth/staff-scope';
import { getBookingKpis } from '../analytics';
import { getAvailability, getAvailabilityDays } from '../availability';
import { createBooking, rescheduleBooking } from '../bookings';
import { localToInstant } from '../time';
import {
  clearStationDate,
  createTimeOff,
  deleteTimeOff,
  getSeason,
  setStationDate,
  setWeeklyOff,
  updateTimeOff,
} from '.';

const TZ = 'America/New_York';
const freeAt = async (date: string, time: string) =>
  (await getAvailability({ query: { station: STATION, date, duration: 120 } })).slots.find(
    (slot) => slot.time === time,
  )?.available;
const weekdayOf = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

describe('a season: time off, weekly days off, closed dates and date hours', () => {
  let client: pg.Client;
  let stationId: string;
  let chefIds: string[];
  let manager: StaffScope;
  let staff: StaffScope;

  beforeEach(async () => {
    client = await connect();
    ({ stationId, chefIds } = await resetStation(client, 2));
    manager = await staffScope(client, 'MANAGER', stationId);
    staff = await staffScope(client, 'STAFF', stationId);
    return () => client.end();
  });

  it('a chef on time off is not free: availability and booking both see one chef fewer', async () => {
    const date = daysAhead(12);
    expect(await freeAt(date, '18:00')).toBe(2);
    const { entry } = await createTimeOff({
      scope: staff,
      slug: STATION,
      input: { kind: 'DAYS', chefId: chefIds[0], from: date, to: daysAhead(14), note: 'Holiday' },
    });
    expect(entry).toMatchObject({ kind: 'DAYS', from: date, to: daysAhead(14), note: 'Holiday' });
    expect(await freeAt(date, '18:00')).toBe(1);
    expect(await freeAt(daysAhead(15), '18:00')).toBe(2);
    const first = await createBooking({ input: bookingInput({ date }) });
    expect(first.status).toBe(201);
    expect(await refusal(createBooking({ input: bookingInput({ date }) }))).toMatchObject({
      status: 409,
      details: { reason: 'SLOT_TAKEN' },
    });
    const { rows } = await client.query(`SELECT "chefId" FROM "Booking"`);
    expect(rows).toEqual([{ chefId: chefIds[1] }]);
    // Removed: both chefs are free again.
    await deleteTimeOff({ scope: manager, timeOffId: entry.id });
    expect(await freeAt(date, '11:00')).toBe(2);
  });

  it('hours off block only the windows they touch', async () => {
    const date = daysAhead(12);
    await createTimeOff({
      scope: manager,
      slug: STATION,
      input: { kind: 'HOURS', chefId: chefIds[0], date, from: '11:00', to: '15:00' },
    });
    // 12:00 + 2 h + 1 h buffer overlaps; 16:00 does not.
    expect(await freeAt(date, '12:00')).toBe(1);
    expect(await freeAt(date, '16:00')).toBe(2);
  });

  it('a weekly day off frees the chef every such weekday, and is refused over a coming booking', async () => {
    const date = daysAhead(12);
    const weekday = weekdayOf(date);
    const set = await setWeeklyOff({
      scope: manager,
      chefId: chefIds[0]!,
      input: { weekdays: [weekday], note: 'Day off' },
    });
    expect(set).toEqual([expect.objectContaining({ weekday, note: 'Day off' })]);
    expect(await freeAt(date, '18:00')).toBe(1);
    expect(await freeAt(daysAhead(19), '18:00')).toBe(1);
    expect(await freeAt(daysAhead(13), '18:00')).toBe(2);

    const other = weekdayOf(daysAhead(13));
    const customerId = await insertCustomer(client, 'weekly@example.com');
    await insertBooking(client, {
      stationId,
      customerId,
      chefId: chefIds[0]!,
      startsAt: localToInstant({ date: daysAhead(13), time: '18:00' }, TZ)!.toISOString(),
    });
    expect(
      await refusal(
        setWeeklyOff({
          scope: manager,
          chefId: chefIds[0]!,
          input: { weekdays: [weekday, other] },
        }),
      ),
    ).toMatchObject({
      status: 409,
      details: {
        reason: 'CHEF_HAS_BOOKINGS',
        bookings: [expect.objectContaining({ date: daysAhead(13) })],
      },
    });
  });

  it('time off over booked events is refused with the list, or moves them all to free chefs', async () => {
    const date = daysAhead(12);
    const booked = await createBooking({ input: bookingInput({ date }) });
    const { rows } = await client.query<{ chefId: string; reference: string }>(
      `SELECT "chefId", reference FROM "Booking"`,
    );
    const [{ chefId, reference }] = rows as [{ chefId: string; reference: string }];
    const input = { kind: 'DAYS', chefId, from: date, to: date };
    expect(await refusal(createTimeOff({ scope: manager, slug: STATION, input }))).toMatchObject({
      status: 409,
      details: { reason: 'CHEF_HAS_BOOKINGS', bookings: [expect.objectContaining({ reference })] },
    });
    const { reassigned } = await createTimeOff({
      scope: manager,
      slug: STATION,
      input: { ...input, bookings: 'reassign' },
    });
    expect(reassigned).toEqual([expect.objectContaining({ reference })]);
    const after = await client.query(`SELECT "chefId" FROM "Booking"`);
    expect(after.rows[0].chefId).not.toBe(chefId);
    expect(booked.status).toBe(201);
    const { rows: audit } = await client.query(
      `SELECT action FROM "AuditLog" WHERE action IN ('booking.chef_reassigned', 'chef.time_off_added')`,
    );
    expect(audit.map((row) => row.action).sort()).toEqual([
      'booking.chef_reassigned',
      'chef.time_off_added',
    ]);
    // The customer is told who cooks now.
    const { rows: mail } = await client.query(
      `SELECT subject, payload FROM "OutboxMessage" WHERE kind = 'BOOKING_CHEF_CHANGED'`,
    );
    expect(mail).toEqual([
      {
        subject: `Your chef for ${reference}`,
        payload: { reference, chef: expect.stringMatching(/^Chef /) },
      },
    ]);
  });

  it('all or nothing: when another chef is not free, nothing moves and no time off is added', async () => {
    const date = daysAhead(12);
    await createBooking({ input: bookingInput({ date }) });
    await createBooking({ input: bookingInput({ date }) });
    const input = { kind: 'DAYS', chefId: chefIds[0], from: date, to: date, bookings: 'reassign' };
    expect(await refusal(createTimeOff({ scope: manager, slug: STATION, input }))).toMatchObject({
      status: 409,
      details: { reason: 'CHEF_BOOKINGS_UNMOVABLE' },
    });
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "ChefTimeOff"`);
    expect(rows[0].n).toBe(0);
  });

  it('refuses overlapping entries, another station’s chef, and hostile input', async () => {
    const date = daysAhead(12);
    const { entry } = await createTimeOff({
      scope: manager,
      slug: STATION,
      input: { kind: 'DAYS', chefId: chefIds[0], from: date, to: daysAhead(13) },
    });
    expect(
      await refusal(
        createTimeOff({
          scope: manager,
          slug: STATION,
          input: {
            kind: 'HOURS',
            chefId: chefIds[0],
            date: daysAhead(13),
            from: '10:00',
            to: '12:00',
          },
        }),
      ),
    ).toMatchObject({ status: 409, details: { reason: 'TIME_OFF_OVERLAP' } });
    // Editing an entry does not clash with itself.
    const moved = await updateTimeOff({
      scope: manager,
      timeOffId: entry.id,
      input: { kind: 'DAYS', chefId: chefIds[0], from: daysAhead(13), to: daysAhead(16) },
    });
    expect(moved.entry).toMatchObject({ from: daysAhead(13), to: daysAhead(16) });
    for (const input of [
      { kind: 'DAYS', chefId: chefIds[0], from: date, to: daysAhead(11) },
      { kind: 'HOURS', chefId: chefIds[0], date, from: '15:00', to: '14:00' },
      { kind: 'WEEKS', chefId: chefIds[0] },
      { kind: 'DAYS', chefId: 'nope', from: date, to: date },
    ])
      expect(await refusal(createTimeOff({ scope: manager, slug: STATION, input }))).toMatchObject({
        status: 400,
      });
    const elsewhere = await staffScope(
      client,
      'MANAGER',
      (
        await client.query(`INSERT INTO "Station" (slug, name, timezone, "adultPriceCents", "childPriceCents", "minimumCents", "depositCents", "updatedAt")
        VALUES ('other-place', 'Other', 'America/Chicago', 1, 1, 1, 1, now()) RETURNING id`)
      ).rows[0].id,
    );
    expect(await refusal(deleteTimeOff({ scope: elsewhere, timeOffId: entry.id }))).toMatchObject({
      status: 404,
    });
    expect(
      await refusal(
        createTimeOff({
          scope: elsewhere,
          slug: 'other-place',
          input: { kind: 'DAYS', chefId: chefIds[0], from: date, to: date },
        }),
      ),
    ).toMatchObject({ status: 404 });
  });

  it('a closed date has no start times and shows as closed; date hours replace the station’s', async () => {
    const closed = daysAhead(20);
    await setStationDate({
      scope: manager,
      slug: STATION,
      date: closed,
      input: { closed: true, note: 'Thanksgiving' },
    });
    const days = await getAvailabilityDays({
      query: { station: STATION, from: daysAhead(19), days: 3, duration: 120 },
    });
    expect(days.days.map((day) => day.status)).toEqual(['OPEN', 'CLOSED', 'OPEN']);
    expect(
      (await getAvailability({ query: { station: STATION, date: closed, duration: 120 } })).slots,
    ).toEqual([]);
    expect(await refusal(createBooking({ input: bookingInput({ date: closed }) }))).toMatchObject({
      status: 400,
      details: { date: [expect.stringContaining('Thanksgiving')] },
    });

    // Other hours narrow the day onto the station's grid (11:00–22:00 every 30 minutes).
    for (const [firstStart, lastStart] of [
      ['10:00', '19:00'],
      ['17:15', '19:00'],
      ['17:00', '22:30'],
    ])
      expect(
        await refusal(
          setStationDate({
            scope: manager,
            slug: STATION,
            date: daysAhead(21),
            input: { closed: false, firstStart, lastStart },
          }),
        ),
      ).toMatchObject({ status: 400 });
    const late = daysAhead(21);
    await setStationDate({
      scope: manager,
      slug: STATION,
      date: late,
      input: { closed: false, firstStart: '17:00', lastStart: '19:00' },
    });
    const slots = (
      await getAvailability({ query: { station: STATION, date: late, duration: 120 } })
    ).slots;
    expect(slots.map((slot) => slot.time)).toEqual(['17:00', '17:30', '18:00', '18:30', '19:00']);
    expect(
      await refusal(createBooking({ input: bookingInput({ date: late, time: '12:00' }) })),
    ).toMatchObject({ status: 400, details: { time: [expect.any(String)] } });
    expect(
      (await createBooking({ input: bookingInput({ date: late, time: '18:00' }) })).status,
    ).toBe(201);

    // A staff move onto the closed date is refused too.
    const { rows } = await client.query<{ id: string; version: number }>(
      `SELECT id, version FROM "Booking" LIMIT 1`,
    );
    expect(
      await refusal(
        rescheduleBooking({
          scope: manager,
          bookingId: rows[0]!.id,
          input: { date: closed, time: '18:00', version: rows[0]!.version },
        }),
      ),
    ).toMatchObject({ status: 400, details: { date: [expect.any(String)] } });

    const season = await getSeason({
      scope: staff,
      slug: STATION,
      query: { from: daysAhead(19), to: daysAhead(22) },
    });
    expect(season.dates).toEqual([
      { date: closed, closed: true, firstStart: null, lastStart: null, note: 'Thanksgiving' },
      { date: late, closed: false, firstStart: '17:00', lastStart: '19:00', note: null },
    ]);
    await clearStationDate({ scope: manager, slug: STATION, date: closed });
    expect(
      (await getAvailability({ query: { station: STATION, date: closed, duration: 120 } })).slots
        .length,
    ).toBeGreaterThan(0);
    // Staff read the dates but only managers set them.
    expect(
      await refusal(
        setStationDate({ scope: staff, slug: STATION, date: closed, input: { closed: true } }),
      ),
    ).toMatchObject({ status: 403 });
  });
});

describe('a staff move onto a chef who is off', () => {
  it('is refused with the reason, naming the time off', async () => {
    const client = await connect();
    try {
      const { stationId, chefIds } = await resetStation(client, 2);
      const manager = await staffScope(client, 'MANAGER', stationId);
      const date = daysAhead(12);
      await createBooking({ input: bookingInput({ date: daysAhead(11) }) });
      const { rows } = await client.query<{ id: string; version: number; chefId: string }>(
        `SELECT id, version, "chefId" FROM "Booking"`,
      );
      const booking = rows[0]!;
      const away = chefIds.find((id) => id !== booking.chefId)!;
      await createTimeOff({
        scope: manager,
        slug: STATION,
        input: { kind: 'DAYS', chefId: away, from: date, to: date, note: 'Family wedding' },
      });
      expect(
        await refusal(
          rescheduleBooking({
            scope: manager,
            bookingId: booking.id,
            input: { date, time: '18:00', version: booking.version, chefId: away },
          }),
        ),
      ).toMatchObject({
        status: 409,
        message: expect.stringContaining('is off then (Family wedding)'),
        details: { reason: 'SLOT_TAKEN', timeOff: true },
      });
    } finally {
      await client.end();
    }
  });
});

describe('chef utilisation leaves out closed dates and time off', () => {
  it('shrinks the available chef-hours by each closed day and each day a chef is off', async () => {
    const client = await connect();
    try {
      const { stationId, chefIds } = await resetStation(client, 2);
      const manager = await staffScope(client, 'MANAGER', stationId);
      const range = { from: daysAhead(30), to: daysAhead(32), station: STATION };
      const hours = async () =>
        (await getBookingKpis({ scope: manager, query: range })).availableChefHours;
      // Two chefs, 11:00–22:00 (11 hours) a day, three days.
      expect(await hours()).toBe(66);
      await setStationDate({
        scope: manager,
        slug: STATION,
        date: daysAhead(30),
        input: { closed: true },
      });
      expect(await hours()).toBe(44);
      await createTimeOff({
        scope: manager,
        slug: STATION,
        input: { kind: 'DAYS', chefId: chefIds[0], from: daysAhead(31), to: daysAhead(31) },
      });
      expect(await hours()).toBe(33);
      // Off on the closed day as well: not taken away twice.
      await createTimeOff({
        scope: manager,
        slug: STATION,
        input: {
          kind: 'HOURS',
          chefId: chefIds[1],
          date: daysAhead(30),
          from: '12:00',
          to: '15:00',
        },
      });
      expect(await hours()).toBe(33);
    } finally {
      await client.end();
    }
  });
});
