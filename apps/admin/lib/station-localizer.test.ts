import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { referenceLocalizer, stationLocalizer } from './station-localizer';

type Methods = Record<string, (...args: unknown[]) => unknown>;

/** Instants every 97 minutes across a year, so every DST change and many midnights are crossed. */
function instants(): Date[] {
  const start = Date.UTC(2027, 0, 1);
  return Array.from({ length: 5_500 }, (_, index) => new Date(start + index * 97 * 60_000));
}

describe.each([
  'America/Los_Angeles',
  'America/New_York',
  'Europe/London',
  'Pacific/Honolulu',
  'Australia/Lord_Howe',
  'America/Santiago',
])('the station localizer in %s', (zone) => {
  it('answers exactly as the library’s luxon localizer', () => {
    const fast = stationLocalizer(zone) as unknown as Methods;
    const fastAnswers: unknown[] = [];
    const dates = instants();
    const run = (methods: Methods, out: unknown[]) => {
      for (let index = 1; index < dates.length; index += 1) {
        const a = dates[index]!;
        const b = dates[index - 1 - (index % 29)] ?? dates[0]!;
        const end = new Date(+a + ((index % 7) + 1) * 45 * 60_000);
        out.push(
          +(methods.startOf!(a, 'day') as Date),
          methods.inRange!(a, b, end),
          methods.eq!(a, b, 'day'),
          methods.lt!(b, a, 'minutes'),
          methods.gte!(a, b),
          methods.lte!(a, end, 'day'),
          methods.sortEvents!({ evtA: { start: a, end }, evtB: { start: b, end: a } }),
          methods.inEventRange!({ event: { start: a, end }, range: { start: b, end: a } }),
        );
      }
    };
    run(fast, fastAnswers);
    const referenceAnswers: unknown[] = [];
    run(referenceLocalizer(zone) as unknown as Methods, referenceAnswers);
    expect(fastAnswers.length).toBe(referenceAnswers.length);
    for (let index = 0; index < fastAnswers.length; index += 1)
      if (fastAnswers[index] !== referenceAnswers[index])
        expect({ index, fast: fastAnswers[index] }).toEqual({
          index,
          fast: referenceAnswers[index],
        });
  });

  it('formats in the station zone whatever the process zone', () => {
    const localizer = stationLocalizer(zone);
    const instant = new Date(Date.UTC(2027, 6, 1, 18, 30));
    expect(localizer.format(instant, 't')).toBe(
      DateTime.fromJSDate(instant, { zone }).toFormat('t'),
    );
  });
});
