import { inRange } from 'react-big-calendar/lib/utils/eventLevels';

type Localizer = { startOf: (date: Date, unit: string) => Date };
type Accessors = { start: (event: object) => Date; end: (event: object) => Date };

/** Marks an event that crosses a local midnight: tested against each week the library's way. */
const SPANS = -1;

/**
 * Finds a week's events the way react-big-calendar's month view does (every event range-tested
 * against every week row, in the events array's order), but by bucketing events by local start
 * day once per events array, with each event's day remembered per event object: a move, which
 * replaces one object, costs one lookup per unchanged event instead of one range test per row.
 * Events crossing midnight (rare: an 8-hour event starting late) are range-tested as before.
 */
export class WeekEvents<T extends object> {
  private days = new WeakMap<T, number>();
  private buckets?: { events: T[]; byDay: Map<number, T[]>; spanning: T[] };

  constructor(
    private readonly localizer: Localizer,
    private readonly accessors: Accessors,
  ) {}

  forWeek(events: T[], week: Date[]): T[] {
    if (this.buckets?.events !== events) this.buckets = this.bucket(events);
    const found: T[] = [];
    for (const date of week) found.push(...(this.buckets.byDay.get(this.midnight(+date)) ?? []));
    const first = week.at(0);
    const last = week.at(-1);
    if (!first || !last) return found;
    const spanning = this.buckets.spanning.filter((event) =>
      inRange(event, first, last, this.accessors, this.localizer),
    );
    if (spanning.length === 0) return found;
    const order = new Map(events.map((event, index) => [event, index]));
    const position = (event: T) => order.get(event) ?? 0;
    return [...found, ...spanning].sort((a, b) => position(a) - position(b));
  }

  private bucket(events: T[]) {
    const byDay = new Map<number, T[]>();
    const spanning: T[] = [];
    for (const event of events) {
      const day = this.dayOf(event);
      if (day === SPANS) {
        spanning.push(event);
        continue;
      }
      const bucket = byDay.get(day);
      if (bucket) bucket.push(event);
      else byDay.set(day, [event]);
    }
    return { events, byDay, spanning };
  }

  private midnight(ts: number): number {
    return this.localizer.startOf(new Date(ts), 'day').getTime();
  }

  private dayOf(event: T): number {
    let day = this.days.get(event);
    if (day === undefined) {
      const startsAt = this.accessors.start(event).getTime();
      const lastMoment = Math.max(startsAt, this.accessors.end(event).getTime() - 1);
      day = this.midnight(startsAt);
      if (day !== this.midnight(lastMoment)) day = SPANS;
      this.days.set(event, day);
    }
    return day;
  }
}
