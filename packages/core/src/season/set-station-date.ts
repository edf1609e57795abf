import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { isOnGrid } from '../availability/start-times';
import { requireStationInScope } from '../stations/station-in-scope';
import { formatMinutes, parseLocalTime } from '../time';
import { fieldError, parseInput } from '../validation';
import { ZStationDateInput, type StationDateRule } from './season.schema';
import { localDate, toRule } from './station-dates-admin';

/**
 * `PUT /api/admin/stations/SLUG/dates/DATE`: the station is closed that date, or keeps a later
 * first or an earlier last start (on its own grid). Bookings already on it stay (staff move them if they must); new
 * ones and moves follow the date's rule. Managers, audited.
 */
export async function setStationDate(
  options: StaffRequest & { slug: string; date: string; input: unknown },
): Promise<StationDateRule> {
  assertCan(options.scope, 'stations.settings');
  const input = parseInput(ZStationDateInput, options.input);
  const date = localDate(options.date);
  const stationId = await requireStationInScope(options.scope, options.slug);
  const rule = {
    closed: input.closed,
    firstStartMinute: input.closed ? null : (parseLocalTime(input.firstStart ?? '') ?? null),
    lastStartMinute: input.closed ? null : (parseLocalTime(input.lastStart ?? '') ?? null),
    note: input.note,
  };
  return inTransaction(async (tx) => {
    const station = await tx.station.findUniqueOrThrow({ where: { id: stationId } });
    // Other hours narrow the day onto the station's own grid (the picker reads them so).
    for (const [field, minute] of [
      ['firstStart', rule.firstStartMinute],
      ['lastStart', rule.lastStartMinute],
    ] as const)
      if (minute !== null && !isOnGrid(station, minute))
        throw fieldError(
          field,
          `Choose one of the station's start times (${formatMinutes(station.serviceStartMinute)}–${formatMinutes(station.serviceEndMinute)}, every ${station.slotIntervalMinutes} minutes)`,
        );
    const before = await tx.stationDate.findUnique({
      where: { stationId_date: { stationId, date } },
    });
    await tx.stationDate.upsert({
      where: { stationId_date: { stationId, date } },
      create: { stationId, date, ...rule },
      update: rule,
    });
    await writeStaffAudit(tx, options, {
      stationId,
      entityType: 'Station',
      entityId: stationId,
      action: 'station.date_set',
      ...(before ? { before: { ...toRule(options.date, before) } } : {}),
      after: { date: options.date, ...rule },
    });
    return toRule(options.date, rule);
  });
}
