import type { Station } from '../generated/prisma/client';
import { formatMinutes, localToInstant } from '../time';

export type StartTime = { time: string; startsAt: Date };

type GridStation = Pick<
  Station,
  'timezone' | 'serviceStartMinute' | 'serviceEndMinute' | 'slotIntervalMinutes'
>;

/** The earliest instant a new event may start: now plus the station's minimum notice. */
export function earliestBookableStart(
  station: Pick<Station, 'minimumNoticeHours'>,
  now: Date,
): Date {
  return new Date(now.getTime() + station.minimumNoticeHours * 3_600_000);
}

/** The start times of `grid` a customer can still book: not inside the station's notice. */
export function bookableStartTimes(
  grid: StartTime[],
  station: Pick<Station, 'minimumNoticeHours'>,
  now: Date,
): StartTime[] {
  const earliest = earliestBookableStart(station, now).getTime();
  return grid.filter((start) => start.startsAt.getTime() >= earliest);
}

/** Every start time on the station's grid for one local date (DST gaps skipped), notice aside. */
export function gridStartTimes(station: GridStation, date: string): StartTime[] {
  const minutes: number[] = [];
  for (
    let minute = station.serviceStartMinute;
    minute <= station.serviceEndMinute;
    minute += station.slotIntervalMinutes
  )
    minutes.push(minute);
  const instants = gridInstants(station.timezone, date, minutes);
  const times: StartTime[] = [];
  minutes.forEach((minute, index) => {
    const startsAt = instants[index];
    if (startsAt) times.push({ time: formatMinutes(minute), startsAt });
  });
  return times;
}

/**
 * The instant of each local minute-of-day on `date`. Time-zone conversion is the costly
 * part (35 days of a date picker is ~800 of them), so when the first and last grid times
 * are exactly as far apart in UTC as on the wall clock (no DST change in between), the
 * rest are filled in by adding minutes; on a DST day every time is converted on its own.
 */
function gridInstants(timeZone: string, date: string, minutes: number[]): (Date | undefined)[] {
  const convert = (minute: number) =>
    localToInstant({ date, time: formatMinutes(minute) }, timeZone);
  const first = minutes[0];
  const last = minutes.at(-1);
  if (first === undefined || last === undefined) return [];
  const [start, end] = [convert(first), convert(last)];
  if (start && end && end.getTime() - start.getTime() === (last - first) * 60_000)
    return minutes.map((minute) => new Date(start.getTime() + (minute - first) * 60_000));
  return minutes.map(convert);
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
