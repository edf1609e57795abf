import { type Tx } from '../db/transaction';
import { ACTIVE_STATUSES_SQL } from '../scheduling/active-statuses';
import type { Prisma, Station, TravelZone } from '../generated/prisma/client';
import { formatMinutes } from '../time';
import { type TStationSettings, type TStationSettingsView } from './station-settings.schema';

/** How many now-outside bookings are listed by name (a change of hours rarely strands more). */
const OUTSIDE_LISTED = 500;

export const WITH_ZONES = {
  travelZones: { orderBy: { prefix: 'asc' } },
} satisfies Prisma.StationInclude;

type StationWithZones = Station & { travelZones: TravelZone[] };

export function settingsOf(station: StationWithZones): TStationSettings {
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
    staffHoldHours: station.staffHoldHours,
    retentionYears: station.retentionYears,
    reviewUrl: station.reviewUrl,
    travelZones: station.travelZones.map(({ prefix, label, feeCents }) => ({
      prefix,
      label,
      feeCents,
    })),
  };
}

export async function futureBookings(tx: Tx, stationId: string): Promise<number> {
  const [row] = await tx.$queryRaw<[{ count: number }]>`
    SELECT count(*)::int AS count FROM "Booking"
     WHERE "stationId" = ${stationId}::uuid AND status IN ${ACTIVE_STATUSES_SQL} AND "startsAt" >= now()`;
  return row.count;
}

export async function view(tx: Tx, station: StationWithZones): Promise<TStationSettingsView> {
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
