import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest, type StaffScope } from '../auth/staff-scope';
import { inTransaction, type Tx } from '../db/transaction';
import { ACTIVE_STATUSES_SQL } from '../scheduling/active-statuses';
import { AppError } from '../errors/app-error';
import type { Prisma, Station, TravelZone } from '../generated/prisma/client';
import { postalCodeLocation } from '../geo/postcode-location';
import { formatMinutes, parseLocalTime } from '../time';
import { fieldError, parseInput } from '../validation';
import { requireStationInScope } from './station-in-scope';
import {
  ZPatchStationSettings,
  ZUpdateStationSettings,
  type TStationSettings,
  type TStationSettingsView,
} from './station-settings.schema';
import { required } from '../platform/required';

/** How many now-outside bookings are listed by name (a change of hours rarely strands more). */
const OUTSIDE_LISTED = 500;

/** `GET /api/admin/stations/SLUG/settings`: a manager's own station, any for a super admin. */
export async function getStationSettings(options: {
  scope: StaffScope;
  slug: string;
}): Promise<TStationSettingsView> {
  assertCan(options.scope, 'stations.settings');
  const stationId = await requireStationInScope(options.scope, options.slug);
  return inTransaction(async (tx) => {
    const station = await tx.station.findUniqueOrThrow({
      where: { id: stationId },
      include: WITH_ZONES,
    });
    return view(tx, station);
  });
}

/**
 * `PUT /api/admin/stations/SLUG/settings`: every setting at once, checked by the form's own
 * schema, at the version the editor read (else 409 STALE_VERSION), audited before/after.
 * New quotes and bookings use the new values; existing bookings keep the price and time they
 * were booked with (they store them). The time zone cannot change while active bookings lie
 * ahead (409 FUTURE_BOOKINGS with the count): their local dates and times would shift. The
 * answer lists future bookings the new service hours leave outside, for staff to move.
 *
 * The station row is locked FOR UPDATE first: a booking being created for it (its foreign key
 * takes a KEY SHARE lock) finishes before the count, or waits until this commits.
 */
export async function updateStationSettings(
  options: StaffRequest & { slug: string; input: unknown },
): Promise<TStationSettingsView> {
  assertCan(options.scope, 'stations.settings');
  const input = parseInput(ZUpdateStationSettings, options.input);
  const stationId = await requireStationInScope(options.scope, options.slug);
  return inTransaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Station" WHERE id = ${stationId}::uuid FOR UPDATE`;
    const station = await tx.station.findUniqueOrThrow({
      where: { id: stationId },
      include: WITH_ZONES,
    });
    if (station.version !== input.version)
      throw new AppError(
        'CONFLICT',
        'Someone else saved these settings since you opened them. Reload to see their changes.',
        { details: { reason: 'STALE_VERSION' } },
      );
    const before = settingsOf(station);
    const { version: _version, ...given } = input;
    // Settings a client leaves out (it predates them) stay as they are.
    const after: TStationSettings = { ...before, ...definedOnly(given) };
    if (JSON.stringify(before) === JSON.stringify(after)) return view(tx, station);
    if (
      after.currency !== before.currency &&
      (await tx.booking.count({ where: { stationId } })) > 0
    )
      throw new AppError(
        'CONFLICT',
        `The currency cannot change once the station has bookings: their amounts are in ${before.currency}.`,
        {
          details: { reason: 'CURRENCY_IN_USE', currency: [`Bookings are in ${before.currency}`] },
        },
      );
    if (
      after.travelMode === 'DISTANCE' &&
      !postalCodeLocation(after.country, after.travelOriginPostalCode ?? '')
    )
      throw fieldError(
        'travelOriginPostalCode',
        'We have no location for this postal code (distances work for the US and Canada)',
      );
    if (after.timezone !== before.timezone) {
      const future = await futureBookings(tx, station.id);
      if (future > 0)
        throw new AppError(
          'CONFLICT',
          `The time zone cannot change while ${future} active booking${future === 1 ? '' : 's'} lie ahead: their local times would move.`,
          {
            details: {
              reason: 'FUTURE_BOOKINGS',
              count: future,
              timezone: [`${future} future bookings`],
            },
          },
        );
    }
    await tx.station.update({
      where: { id: station.id },
      data: {
        name: after.name,
        timezone: after.timezone,
        serviceStartMinute: required(parseLocalTime(after.firstStart), 'first start'),
        serviceEndMinute: required(parseLocalTime(after.lastStart), 'last start'),
        slotIntervalMinutes: after.slotIntervalMinutes,
        bufferMinutes: after.bufferMinutes,
        holdMinutes: after.holdMinutes,
        minimumNoticeHours: after.minimumNoticeHours,
        cancellationNoticeHours: after.cancellationNoticeHours,
        adultPriceCents: after.adultPriceCents,
        childPriceCents: after.childPriceCents,
        minimumCents: after.minimumCents,
        depositCents: after.depositCents,
        currency: after.currency,
        locale: after.locale,
        country: after.country,
        proteinsPerAdult: after.proteinsPerAdult,
        menuLockHours: after.menuLockHours,
        travelMode: after.travelMode,
        travelOriginPostalCode: after.travelOriginPostalCode,
        travelFreeMiles: after.travelFreeMiles,
        travelFeePerMileCents: after.travelFeePerMileCents,
        travelMaxMiles: after.travelMaxMiles,
        rescheduleNoticeHours: after.rescheduleNoticeHours,
        rescheduleLimit: after.rescheduleLimit,
        reminderDays: after.reminderDays,
        sendReminder: after.sendReminder,
        sendDayBefore: after.sendDayBefore,
        sendThankYou: after.sendThankYou,
        allowPartialBalance: after.allowPartialBalance,
        chefsMayComplete: after.chefsMayComplete,
        retentionYears: after.retentionYears,
        reviewUrl: after.reviewUrl,
        version: { increment: 1 },
      },
    });
    if (JSON.stringify(before.travelZones) !== JSON.stringify(after.travelZones)) {
      await tx.travelZone.deleteMany({ where: { stationId: station.id } });
      await tx.travelZone.createMany({
        data: after.travelZones.map((zone) => ({ ...zone, stationId: station.id })),
      });
    }
    const saved = await tx.station.findUniqueOrThrow({
      where: { id: station.id },
      include: WITH_ZONES,
    });
    await writeStaffAudit(tx, options, {
      stationId: station.id,
      entityType: 'Station',
      entityId: station.id,
      action: 'station.settings_updated',
      before: changed(before, after, 'from') as Prisma.InputJsonObject,
      after: changed(before, after, 'to') as Prisma.InputJsonObject,
    });
    return view(tx, saved);
  });
}

/**
 * `PATCH /api/admin/stations/SLUG`: the settings given, over the station's current ones, saved
 * like a full update (same checks, same version rule: a change in between answers 409).
 */
export async function patchStationSettings(
  options: StaffRequest & { slug: string; input: unknown },
): Promise<TStationSettingsView> {
  assertCan(options.scope, 'stations.settings');
  const patch = parseInput(ZPatchStationSettings, options.input);
  const current = await getStationSettings({ scope: options.scope, slug: options.slug });
  return updateStationSettings({ ...options, input: { ...current.settings, ...patch } });
}

const WITH_ZONES = { travelZones: { orderBy: { prefix: 'asc' } } } satisfies Prisma.StationInclude;
type StationWithZones = Station & { travelZones: TravelZone[] };

/** An object without its undefined values (a spread then keeps what was there). */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>;
}

function settingsOf(station: StationWithZones): TStationSettings {
  return {
    name: station.name,
    timezone: station.timezone,
    firstStart: formatMinutes(station.serviceStartMinute),
    lastStart: formatMinutes(station.serviceEndMinute),
    slotIntervalMinutes: station.slotIntervalMinutes,
    bufferMinutes: station.bufferMinutes,
    holdMinutes: station.holdMinutes,
    minimumNoticeHours: station.minimumNoticeHours,
    cancellationNoticeHours: station.cancellationNoticeHours,
    adultPriceCents: station.adultPriceCents,
    childPriceCents: station.childPriceCents,
    minimumCents: station.minimumCents,
    depositCents: station.depositCents,
    currency: station.currency,
    locale: station.locale,
    country: station.country,
    proteinsPerAdult: station.proteinsPerAdult,
    menuLockHours: station.menuLockHours,
    travelMode: station.travelMode,
    travelOriginPostalCode: station.travelOriginPostalCode,
    travelFreeMiles: station.travelFreeMiles,
    travelFeePerMileCents: station.travelFeePerMileCents,
    travelMaxMiles: station.travelMaxMiles,
    rescheduleNoticeHours: station.rescheduleNoticeHours,
    rescheduleLimit: station.rescheduleLimit,
    reminderDays: station.reminderDays,
    sendReminder: station.sendReminder,
    sendDayBefore: station.sendDayBefore,
    sendThankYou: station.sendThankYou,
    allowPartialBalance: station.allowPartialBalance,
    chefsMayComplete: station.chefsMayComplete,
    retentionYears: station.retentionYears,
    reviewUrl: station.reviewUrl,
    travelZones: station.travelZones.map(({ prefix, label, feeCents }) => ({
      prefix,
      label,
      feeCents,
    })),
  };
}

/** Only the settings that changed, old or new values (the audit row's before/after). */
function changed(
  before: TStationSettings,
  after: TStationSettings,
  side: 'from' | 'to',
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(before) as (keyof TStationSettings)[])
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      result[key] = side === 'from' ? before[key] : after[key];
  return result;
}

async function futureBookings(tx: Tx, stationId: string): Promise<number> {
  const [row] = await tx.$queryRaw<[{ count: number }]>`
    SELECT count(*)::int AS count FROM "Booking"
     WHERE "stationId" = ${stationId}::uuid AND status IN ${ACTIVE_STATUSES_SQL} AND "startsAt" >= now()`;
  return row.count;
}

async function view(tx: Tx, station: StationWithZones): Promise<TStationSettingsView> {
  const settings = settingsOf(station);
  const outsideHours = await tx.$queryRaw<
    { id: string; reference: string; date: string; time: string; chef: string }[]
  >`
    SELECT b.id, b.reference, to_char(b."eventDate", 'YYYY-MM-DD') AS date, b."startTime" AS time,
           c.name AS chef
      FROM "Booking" b JOIN "Chef" c ON c.id = b."chefId"
     WHERE b."stationId" = ${station.id}::uuid AND b.status IN ${ACTIVE_STATUSES_SQL}
       AND b."startsAt" >= now()
       AND (b."startTime" < ${settings.firstStart} OR b."startTime" > ${settings.lastStart})
     ORDER BY b."startsAt", b.id
     LIMIT ${OUTSIDE_LISTED}`;
  // Not parsed with the form's schema: a value the database allows but the form would not
  // (set before these limits) must still be shown, for the manager to correct.
  return {
    station: { id: station.id, slug: station.slug, active: station.active },
    settings,
    version: station.version,
    futureBookings: await futureBookings(tx, station.id),
    outsideHours,
  };
}
