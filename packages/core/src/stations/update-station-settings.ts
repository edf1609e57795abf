import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';
import type { Prisma } from '../generated/prisma/client';
import { postalCodeLocation } from '../geo/postcode-location';
import { parseLocalTime } from '../time';
import { fieldError, parseInput } from '../validation';
import { requireStationInScope } from './station-in-scope';
import {
  ZUpdateStationSettings,
  type TStationSettings,
  type TStationSettingsView,
} from './station-settings.schema';
import { required } from '../platform/required';
import { futureBookings, settingsOf, view, WITH_ZONES } from './station-settings';

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
        staffHoldHours: after.staffHoldHours,
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

/** An object without its undefined values (a spread then keeps what was there). */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>;
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
