import { DateTime } from 'luxon';
import { inRange } from 'react-big-calendar/lib/utils/eventLevels';
import { describe, expect, it } from 'vitest';
import { stationLocalizer } from './station-localizer';
import { WeekEvents } from './week-events';

type Event = { id: number; start: Date; end: Date };
const accessors = {
  start: (event: object) => (event as Event).start,
  end: (event: object) => (event as Event).end,
};

/** A year of events: mostly 1-8 h inside a day, some crossing midnight, some at midnight exactly. */
function yearOfEvents(zone: string): Event[] {
  const first = DateTime.fromISO('2027-01-01T00:00', { zone });
  return Array.from({ length: 4_000 }, (_, id) => {
    const start = first.plus({ hours: (id * 53) % 8_760, minutes: (id % 4) * 15 });
    const minutes = id % 11 === 0 ? 8 * 60 : 60 + ((id * 7) % 8) * 30;
    return { id, start: start.toJSDate(), end: start.plus({ minutes }).toJSDate() };
  });
}

describe.each(['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago'])(
  'week rows in %s',
  (zone) => {
    it("find exactly the library's events, in the library's order, every week of a year", () => {
      const localizer = stationLocalizer(zone);
      const events = yearOfEvents(zone);
      const finder = new WeekEvents<Event>(localizer as never, accessors);
      let monday = DateTime.fromISO('2026-12-28', { zone });
      let spanningSeen = 0;
      for (let week = 0; week < 54; week += 1, monday = monday.plus({ weeks: 1 })) {
        const days = Array.from({ length: 7 }, (_, day) => monday.plus({ days: day }).toJSDate());
        const expected = events.filter((event) =>
          inRange(event, days[0]!, days[6]!, accessors, localizer),
        );
        const found = finder.forWeek(events, days);
        expect(found.map((event) => event.id)).toEqual(expected.map((event) => event.id));
        spanningSeen += found.filter(
          (event) =>
            +localizer.startOf(event.start, 'day') !==
            +localizer.startOf(new Date(+event.end - 1), 'day'),
        ).length;
      }
      expect(spanningSeen).toBeGreaterThan(50);
    });

    it('after one event is replaced (a move), only that event changes place', () => {
      const localizer = stationLocalizer(zone);
      const events = yearOfEvents(zone).slice(0, 300);
      const finder = new WeekEvents<Event>(localizer as never, accessors);
      const monday = DateTime.fromISO('2027-01-04', { zone });
      const days = Array.from({ length: 7 }, (_, day) => monday.plus({ days: day }).toJSDate());
      const before = finder.forWeek(events, days);
      const moved = before[0]!;
      const replaced = {
        ...moved,
        start: new Date(+moved.start + 3 * 86_400_000 * 7),
        end: new Date(+moved.end + 3 * 86_400_000 * 7),
      };
      const next = events.map((event) => (event === moved ? replaced : event));
      expect(finder.forWeek(next, days)).toEqual(before.slice(1));
    });
  },
);
