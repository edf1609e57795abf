import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  heldBooking,
  refusal,
  resetStation,
  STATION,
  staffScope,
  daysAhead,
} from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { insertStation } from '../../test/factories';
import type { StaffScope } from '../auth/staff-scope';
import { quotePrice } from '../pricing';
import { stationSlugFor } from './station-in-scope';
import { getStationSettings } from './get-station-settings';
import { patchStationSettings } from './patch-station-settings';
import { updateStationSettings } from './update-station-settings';
import type { TStationSettingsView } from './station-settings.schema';

describe('station settings', () => {
  let client: pg.Client;
  let stationId: string;
  let manager: StaffScope;
  let staff: StaffScope;
  let otherManager: StaffScope;
  let superAdmin: StaffScope;

  /** The form as read, with some settings changed, at the version read. */
  const edited = (view: TStationSettingsView, changes: Record<string, unknown> = {}) => ({
    ...view.settings,
    version: view.version,
    ...changes,
  });

  beforeEach(async () => {
    client = await connect();
    ({ stationId } = await resetStation(client, 2));
    const other = await insertStation(client, 'elsewhere');
    manager = await staffScope(client, 'MANAGER', stationId);
    staff = await staffScope(client, 'STAFF', stationId);
    otherManager = await staffScope(client, 'MANAGER', other);
    superAdmin = await staffScope(client, 'SUPER_ADMIN', null);
    return () => client.end();
  });

  it('shows a manager their station and a super admin any; staff 403, another station 404', async () => {
    const view = await getStationSettings({ scope: manager, slug: STATION });
    expect(view.settings).toMatchObject({
      timezone: 'America/New_York',
      firstStart: '11:00',
      lastStart: '22:00',
      slotIntervalMinutes: 30,
    });
    expect(view.version).toBe(1);
    expect(await getStationSettings({ scope: superAdmin, slug: 'elsewhere' })).toMatchObject({
      station: { slug: 'elsewhere' },
    });
    expect(await refusal(getStationSettings({ scope: staff, slug: STATION }))).toMatchObject({
      status: 403,
    });
    expect(await refusal(getStationSettings({ scope: otherManager, slug: STATION }))).toMatchObject(
      { status: 404 },
    );
    expect(await refusal(getStationSettings({ scope: manager, slug: 'nowhere' }))).toMatchObject({
      status: 404,
    });
    expect(
      await refusal(
        updateStationSettings({ scope: staff, slug: STATION, input: edited(view, { name: 'x' }) }),
      ),
    ).toMatchObject({ status: 403 });
    expect(
      await refusal(
        updateStationSettings({
          scope: otherManager,
          slug: STATION,
          input: edited(view, { name: 'x' }),
        }),
      ),
    ).toMatchObject({ status: 404 });
  });

  it('saves at the version read, audits only what changed, and refuses a stale form with 409', async () => {
    const view = await getStationSettings({ scope: manager, slug: STATION });
    const saved = await updateStationSettings({
      scope: manager,
      slug: STATION,
      input: edited(view, { name: 'Uptown', depositCents: 15_000, holdMinutes: 20 }),
      requestId: 'req-settings',
    });
    expect(saved.version).toBe(2);
    expect(saved.settings).toMatchObject({ name: 'Uptown', depositCents: 15_000, holdMinutes: 20 });
    const { rows } = await client.query(
      `SELECT action, before, after, "actorId", "requestId" FROM "AuditLog" WHERE "entityId" = $1`,
      [stationId],
    );
    expect(rows).toEqual([
      {
        action: 'station.settings_updated',
        before: { name: 'Test Station', depositCents: view.settings.depositCents, holdMinutes: 15 },
        after: { name: 'Uptown', depositCents: 15_000, holdMinutes: 20 },
        actorId: manager.staffId,
        requestId: 'req-settings',
      },
    ]);
    // The same form again (version 1) is stale.
    expect(
      await refusal(
        updateStationSettings({ scope: superAdmin, slug: STATION, input: edited(view) }),
      ),
    ).toMatchObject({ status: 409, details: { reason: 'STALE_VERSION' } });
    // Saving what is already there changes nothing and writes no audit row.
    const again = await updateStationSettings({
      scope: manager,
      slug: STATION,
      input: edited(saved),
    });
    expect(again.version).toBe(2);
  });

  it.each([
    [{ depositCents: 50_000, minimumCents: 40_000 }, 'depositCents'],
    [{ firstStart: '18:00', lastStart: '12:00' }, 'lastStart'],
    [{ firstStart: '25:00' }, 'firstStart'],
    [{ timezone: 'Mars/Olympus' }, 'timezone'],
    [{ timezone: 'america/new_york' }, 'timezone'],
    [{ slotIntervalMinutes: 1 }, 'slotIntervalMinutes'],
    [{ adultPriceCents: 12.5 }, 'adultPriceCents'],
    [{ adultPriceCents: -1 }, 'adultPriceCents'],
    [{ name: '   ' }, 'name'],
    [{ owner: 'me' }, 'owner'],
  ])('refuses %j with a message on %s', async (changes, field) => {
    const view = await getStationSettings({ scope: manager, slug: STATION });
    const refused = await refusal(
      updateStationSettings({ scope: manager, slug: STATION, input: edited(view, changes) }),
    );
    expect(refused).toMatchObject({ status: 400 });
    expect(Object.keys(refused.details ?? {})).toContain(field);
  });

  it('applies new prices to new quotes only: an existing booking keeps what it was booked at', async () => {
    const { reference } = await heldBooking();
    const before = await client.query(
      `SELECT "totalCents", "depositCents" FROM "Booking" WHERE reference = $1`,
      [reference],
    );
    const view = await getStationSettings({ scope: manager, slug: STATION });
    await updateStationSettings({
      scope: manager,
      slug: STATION,
      input: edited(view, { adultPriceCents: 9_900, depositCents: 20_000 }),
    });
    const after = await client.query(
      `SELECT "totalCents", "depositCents" FROM "Booking" WHERE reference = $1`,
      [reference],
    );
    expect(after.rows).toEqual(before.rows);
    const quote = await quotePrice({ input: { station: STATION, adults: 6, children: 2 } });
    expect(quote).toMatchObject({ depositCents: 20_000 });
    expect(quote.lines).toContainEqual(expect.objectContaining({ amountCents: 6 * 9_900 }));
  });

  it('lists future bookings the new service hours leave outside, and keeps them as booked', async () => {
    const early = await heldBooking({ time: '12:00', date: daysAhead(5) });
    await heldBooking({ time: '18:00', date: daysAhead(5) });
    const view = await getStationSettings({ scope: manager, slug: STATION });
    expect(view.outsideHours).toEqual([]);
    const saved = await updateStationSettings({
      scope: manager,
      slug: STATION,
      input: edited(view, { firstStart: '16:00', lastStart: '20:00' }),
    });
    expect(saved.outsideHours).toMatchObject([
      { reference: early.reference, date: daysAhead(5), time: '12:00', chef: expect.any(String) },
    ]);
    const { rows } = await client.query(`SELECT status FROM "Booking" WHERE reference = $1`, [
      early.reference,
    ]);
    expect(rows[0].status).toBe('PENDING_PAYMENT');
  });

  it('refuses a new time zone while active bookings lie ahead, with their count', async () => {
    const view = await getStationSettings({ scope: manager, slug: STATION });
    // No bookings yet: the zone can change (and back).
    const moved = await updateStationSettings({
      scope: manager,
      slug: STATION,
      input: edited(view, { timezone: 'America/Chicago' }),
    });
    expect(moved.settings.timezone).toBe('America/Chicago');
    const back = await updateStationSettings({
      scope: manager,
      slug: STATION,
      input: edited(moved, { timezone: 'America/New_York' }),
    });
    await heldBooking();
    await heldBooking({ time: '19:00', date: daysAhead(12) });
    const current = await getStationSettings({ scope: manager, slug: STATION });
    expect(current.futureBookings).toBe(2);
    const refused = await refusal(
      updateStationSettings({
        scope: manager,
        slug: STATION,
        input: edited(back, { timezone: 'Europe/London' }),
      }),
    );
    expect(refused).toMatchObject({
      status: 409,
      details: { reason: 'FUTURE_BOOKINGS', count: 2 },
    });
    // Other settings still save while the zone stays.
    expect(
      (
        await updateStationSettings({
          scope: manager,
          slug: STATION,
          input: edited(back, { bufferMinutes: 45 }),
        })
      ).settings.bufferMinutes,
    ).toBe(45);
  });

  it('PATCH changes only the settings named, with the same checks and version rule', async () => {
    const view = await getStationSettings({ scope: manager, slug: STATION });
    const patched = await patchStationSettings({
      scope: manager,
      slug: STATION,
      input: { depositCents: 12_500, version: view.version },
    });
    expect(patched.settings).toEqual({ ...view.settings, depositCents: 12_500 });
    expect(patched.version).toBe(view.version + 1);
    // The merged settings pass the full schema: a deposit over the current minimum is refused.
    expect(
      await refusal(
        patchStationSettings({
          scope: manager,
          slug: STATION,
          input: { depositCents: view.settings.minimumCents + 1, version: patched.version },
        }),
      ),
    ).toMatchObject({
      status: 400,
      details: { depositCents: ['The deposit cannot be more than the event minimum'] },
    });
    // An old version, an unknown field, and staff are refused.
    expect(
      await refusal(
        patchStationSettings({
          scope: manager,
          slug: STATION,
          input: { name: 'Stale', version: view.version },
        }),
      ),
    ).toMatchObject({ status: 409, details: { reason: 'STALE_VERSION' } });
    expect(
      await refusal(
        patchStationSettings({
          scope: manager,
          slug: STATION,
          input: { colour: 'red', version: patched.version },
        }),
      ),
    ).toMatchObject({ status: 400, details: { colour: ['Unknown field'] } });
    expect(
      await refusal(patchStationSettings({ scope: staff, slug: STATION, input: { version: 2 } })),
    ).toMatchObject({ status: 403 });
  });

  it('a request without a station means the caller’s own; a super admin must name one', async () => {
    expect(await stationSlugFor(manager, null)).toBe(STATION);
    expect(await stationSlugFor(manager, 'elsewhere')).toBe('elsewhere');
    expect(await refusal(stationSlugFor(superAdmin, null))).toMatchObject({
      status: 400,
      details: { station: ['Choose a station'] },
    });
  });

  it('sets currency, locale, menu rules and travel; refuses a currency change once bookings exist', async () => {
    const view = await getStationSettings({ scope: manager, slug: STATION });
    const london = await updateStationSettings({
      scope: manager,
      slug: STATION,
      input: edited(view, {
        currency: 'gbp',
        locale: 'en-GB',
        country: 'GB',
        menuLockHours: 48,
        travelMode: 'ZONES',
        travelZones: [
          { prefix: 'sw', label: 'south-west London', feeCents: 0 },
          { prefix: 'E', label: 'east London', feeCents: 1500 },
        ],
      }),
    });
    expect(london.settings).toMatchObject({
      currency: 'GBP',
      locale: 'en-GB',
      menuLockHours: 48,
      travelMode: 'ZONES',
      travelZones: [
        { prefix: 'E', label: 'east London', feeCents: 1500 },
        { prefix: 'SW', label: 'south-west London', feeCents: 0 },
      ],
    });
    expect(
      (
        await quotePrice({ input: { station: STATION, adults: 10, postalCode: 'E2 7DG' } })
      ).lines.map((line) => line.label),
    ).toEqual(['10 adults × £50', 'Travel, east London']);
    for (const [changes, field] of [
      [{ currency: 'XYZ' }, 'currency'],
      [{ locale: 'not a locale!' }, 'locale'],
      [{ travelMode: 'DISTANCE', travelOriginPostalCode: null }, 'travelOriginPostalCode'],
      [{ travelMode: 'ZONES', travelZones: [] }, 'travelZones'],
      [{ travelZones: [{ prefix: '1SW', label: 'x', feeCents: 0 }] }, 'travelZones.0.prefix'],
      [
        {
          travelZones: [
            { prefix: 'E', label: 'x', feeCents: 0 },
            { prefix: 'e', label: 'y', feeCents: 0 },
          ],
        },
        'travelZones',
      ],
      [{ travelFreeMiles: 50, travelMaxMiles: 10 }, 'travelMaxMiles'],
      [{ proteinsPerAdult: 9 }, 'proteinsPerAdult'],
    ] as const)
      expect(
        await refusal(
          updateStationSettings({ scope: manager, slug: STATION, input: edited(london, changes) }),
        ),
        field,
      ).toMatchObject({ status: 400, details: { [field]: expect.any(Array) } });
    expect(
      await refusal(
        updateStationSettings({
          scope: manager,
          slug: STATION,
          input: edited(london, {
            currency: 'USD',
            locale: 'en-US',
            country: 'US',
            travelMode: 'DISTANCE',
            travelOriginPostalCode: '00000',
          }),
        }),
      ),
    ).toMatchObject({ status: 400, details: { travelOriginPostalCode: expect.any(Array) } });
    await heldBooking({ address: { line1: '1 Main St', city: 'London', postalCode: 'SW1A 2AA' } });
    const current = await getStationSettings({ scope: manager, slug: STATION });
    expect(
      await refusal(
        updateStationSettings({
          scope: manager,
          slug: STATION,
          input: edited(current, { currency: 'EUR' }),
        }),
      ),
    ).toMatchObject({ status: 409, details: { reason: 'CURRENCY_IN_USE' } });
  });
});
