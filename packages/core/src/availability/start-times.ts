import type { Station } from '../generated/prisma/client';
import { formatMinutes, localToInstant } from '../time';

export type StartTime = { time: string; startsAt: Date };

type GridStation = Pick<
  Station,
  | 'timezone'
  | 'serviceStartMinute'
  | 'serviceEndMinute'
  | 'slotIntervalMinutes'
  | 'minimumNoticeHours'
>;

/** The earliest instant a new event may start: now plus the station's minimum notice. */
export function earliestBookableStart(
  station: Pick<Station, 'minimumNoticeHours'>,
  now: Date,
): Date {
  return new Date(now.getTime() + station.minimumNoticeHours * 3_600_000);
}

/**
 * Start times on the station's grid for one local date that a customer can still book:
 * inside service hours, existing on that day (DST gaps skipped), not inside the notice.
 */
export function bookableStartTimes(station: GridStation, date: string, now: Date): StartTime[] {
  const earliest = earliestBookableStart(station, now).getTime();
  const times: StartTime[] = [];
  for (
    let minute = station.serviceStartMinute;
    minute <= station.serviceEndMinute;
    minute += station.slotIntervalMinutes
  ) {
    const time = formatMinutes(minute);
    const startsAt = localToInstant({ date, time }, station.timezone);
    if (startsAt && startsAt.getTime() >= earliest) times.push({ time, startsAt });
  }
  return times;
}

/** Whether HH:MM lies on the station's grid inside service hours. */
export function isOnGrid(
  station: Pick<Station, 'serviceStartMinute' | 'serviceEndMinute' | 'slotIntervalMinutes'>,
  minute: number,
): boolean {
  return (
    minute >= station.serviceStartMinute &&
    minute <= station.serviceEndMinute &&
    (minute - station.serviceStartMinute) % station.slotIntervalMinutes === 0
  );
}
