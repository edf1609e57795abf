import { DateTime, Settings } from 'luxon';
import { luxonLocalizer, type DateLocalizer } from 'react-big-calendar';
import { MemoZone } from './memo-zone';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

type Span = { start: Date; end: Date; allDay?: boolean };
type FastMethods = {
  startOf: (date: Date, unit?: string) => Date;
  inRange: (day: Date, min: Date, max: Date, unit?: string) => boolean;
  eq: (a: Date, b: Date, unit?: string) => boolean;
  neq: (a: Date, b: Date, unit?: string) => boolean;
  lt: (a: Date, b: Date, unit?: string) => boolean;
  lte: (a: Date, b: Date, unit?: string) => boolean;
  gt: (a: Date, b: Date, unit?: string) => boolean;
  gte: (a: Date, b: Date, unit?: string) => boolean;
  sortEvents: (pair: { evtA: Span; evtB: Span }) => number;
  diff: (a: Date, b: Date, unit?: string) => number;
  add: (date: Date, amount: number, unit: string) => Date;
  ceil: (date: Date, unit: string) => Date;
  min: (a: Date, b: Date) => Date;
  max: (a: Date, b: Date) => Date;
  isSameDate: (a: Date, b: Date) => boolean;
  daySpan: (start: Date, end: Date) => number;
  getMinutesFromMidnight: (start: Date) => number;
  getTotalMin: (start: Date, end: Date) => number;
  inEventRange: (query: { event: Span; range: { start: Date; end: Date } }) => boolean;
};

/** The instant of local midnight starting the day `ts` falls in, in `zone`. */
export function localMidnight(zone: MemoZone, ts: number): number {
  const wall = Math.floor((ts + zone.offset(ts) * MINUTE_MS) / DAY_MS) * DAY_MS;
  const guess = wall - zone.offset(ts) * MINUTE_MS;
  const instant = wall - zone.offset(guess) * MINUTE_MS;
  // Where midnight does not exist or repeats (a DST change at midnight), luxon decides.
  return instant + zone.offset(instant) * MINUTE_MS === wall
    ? instant
    : DateTime.fromMillis(ts, { zone }).startOf('day').toMillis();
}

const zones = new WeakMap<DateLocalizer, MemoZone>();

/**
 * Makes luxon's default zone (global: the library formats and places everything through it)
 * the zone `localizer` was made for, as it is when the localizer is made. A calendar calls it
 * on every mount: Strict Mode (development) mounts, unmounts and mounts again, and the reset
 * on unmount would otherwise leave the calendar laying out days in the browser's zone.
 */
export function activateStationZone(localizer: DateLocalizer): void {
  const zone = zones.get(localizer);
  if (zone) Settings.defaultZone = zone;
}

/**
 * react-big-calendar's luxon localizer in the station's zone, with the methods it calls per
 * event and per comparison (sort, range tests, day and minute comparisons) done in epoch
 * arithmetic on a memoized zone instead of building luxon DateTimes: the same answers
 * (tested against luxon across DST changes), a fraction of the work with thousands of
 * bookings on screen. Everything else is luxon's.
 */
export function stationLocalizer(timeZone: string): DateLocalizer {
  const zone = new MemoZone(timeZone);
  Settings.defaultZone = zone;
  const localizer = luxonLocalizer(DateTime, { firstDayOfWeek: 1 });
  zones.set(localizer, zone);
  const original = { ...localizer } as unknown as FastMethods;
  // The same few thousand instants (event starts and ends, day bounds) are asked about again
  // and again across weeks and comparisons: remember each one's local midnight.
  const midnights = new Map<number, number>();
  const midnightOf = (ts: number): number => {
    let midnight = midnights.get(ts);
    if (midnight === undefined) {
      if (midnights.size > 100_000) midnights.clear();
      midnight = localMidnight(zone, ts);
      midnights.set(ts, midnight);
    }
    return midnight;
  };
  const fast = localizer as unknown as FastMethods;

  /** The comparable key of a date at a unit, or undefined for units left to luxon. */
  const key = (date: Date, unit?: string): number | undefined => {
    const ts = +date;
    if (unit === undefined) return ts;
    if (unit === 'minutes' || unit === 'minute') return Math.floor(ts / MINUTE_MS);
    if (unit === 'day' || unit === 'days') return midnightOf(ts);
    return undefined;
  };
  const comparator =
    (name: 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte', test: (a: number, b: number) => boolean) =>
    (a: Date, b: Date, unit?: string) => {
      const keyA = key(a, unit);
      const keyB = key(b, unit);
      return keyA === undefined || keyB === undefined
        ? original[name](a, b, unit)
        : test(keyA, keyB);
    };

  fast.eq = comparator('eq', (a, b) => a === b);
  fast.neq = comparator('neq', (a, b) => a !== b);
  fast.lt = comparator('lt', (a, b) => a < b);
  fast.lte = comparator('lte', (a, b) => a <= b);
  fast.gt = comparator('gt', (a, b) => a > b);
  fast.gte = comparator('gte', (a, b) => a >= b);
  fast.startOf = (date = new Date(), unit) =>
    unit === 'day' ? new Date(midnightOf(+date)) : original.startOf(date, unit);
  fast.inRange = (day, min, max, unit = 'day') => {
    if (unit !== 'day') return original.inRange(day, min, max, unit);
    const at = midnightOf(+day);
    return at >= midnightOf(+min) && at <= midnightOf(+max);
  };
  // Same order as the library's: start day, longer spans first, all-day first, start, end.
  fast.sortEvents = ({ evtA, evtB }) =>
    midnightOf(+evtA.start) - midnightOf(+evtB.start) ||
    (+evtB.end - +evtB.start) / DAY_MS - (+evtA.end - +evtA.start) / DAY_MS ||
    Number(!!evtB.allDay) - Number(!!evtA.allDay) ||
    +evtA.start - +evtB.start ||
    +evtA.end - +evtB.end;
  const isMidnight = (ts: number) => midnightOf(ts) === ts;
  /** The local midnight `days` after a local midnight (days are 23 to 25 hours long). */
  const midnightAfter = (midnight: number, days: number) =>
    midnightOf(midnight + days * DAY_MS + 12 * 3_600_000);
  const isDay = (unit?: string) => unit === undefined || unit === 'day' || unit === 'days';
  fast.diff = (a, b, unit = 'day') => {
    if (isDay(unit) && isMidnight(+a) && isMidnight(+b)) {
      const wall = (ts: number) => ts + zone.offset(ts) * MINUTE_MS;
      return Math.round((wall(+b) - wall(+a)) / DAY_MS);
    }
    if (unit === 'minutes' || unit === 'minute') return Math.floor((+b - +a) / MINUTE_MS);
    return original.diff(a, b, unit);
  };
  fast.add = (date, amount, unit) =>
    isDay(unit) && Number.isInteger(amount) && Math.abs(amount) <= 7 && isMidnight(+date)
      ? new Date(midnightAfter(+date, amount))
      : unit === 'minutes' || unit === 'minute'
        ? new Date(+date + amount * MINUTE_MS)
        : original.add(date, amount, unit);
  fast.ceil = (date, unit) => {
    if (unit !== 'day') return original.ceil(date, unit);
    const floor = midnightOf(+date);
    return new Date(floor === +date ? floor : midnightAfter(floor, 1));
  };
  fast.min = (a, b) => new Date(Math.min(+a, +b));
  fast.max = (a, b) => new Date(Math.max(+a, +b));
  fast.isSameDate = (a, b) => midnightOf(+a) === midnightOf(+b);
  fast.daySpan = (start, end) => (+end - +start) / DAY_MS;
  fast.getMinutesFromMidnight = (start) => Math.round((+start - midnightOf(+start)) / MINUTE_MS);
  fast.getTotalMin = (start, end) => Math.floor((+end - +start) / MINUTE_MS);
  fast.inEventRange = ({ event, range }) => {
    const startDay = midnightOf(+event.start);
    const startsBeforeEnd = startDay <= midnightOf(+range.end);
    const endMinute = Math.floor(+event.end / MINUTE_MS);
    const rangeStartMinute = Math.floor(+range.start / MINUTE_MS);
    const endsAfterStart =
      Math.floor(startDay / MINUTE_MS) !== endMinute
        ? endMinute > rangeStartMinute
        : endMinute >= rangeStartMinute;
    return startsBeforeEnd && endsAfterStart;
  };
  return localizer;
}

/** The library's own luxon localizer in `timeZone`, for tests that compare answers. */
export function referenceLocalizer(timeZone: string): DateLocalizer {
  Settings.defaultZone = timeZone;
  return luxonLocalizer(DateTime, { firstDayOfWeek: 1 });
}
