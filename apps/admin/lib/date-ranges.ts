import { todayIn } from '@hibachi/web/format';
/** The dashboard's range presets, as local dates (YYYY-MM-DD), and the period before a range. */
export const RANGE_PRESETS = {
  'this-week': 'This week',
  'last-30-days': 'Last 30 days',
  'this-quarter': 'This quarter',
  'year-to-date': 'Year to date',
  custom: 'Custom',
} as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
export type DateRange = { from: string; to: string };

const DAY_MS = 86_400_000;
const parse = (date: string) => Date.parse(`${date}T00:00:00Z`);
const format = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => format(parse(date) + days * DAY_MS);
export const daysIn = (range: DateRange) => (parse(range.to) - parse(range.from)) / DAY_MS + 1;

export const isPreset = (value: string | null): value is RangePreset =>
  value !== null && Object.hasOwn(RANGE_PRESETS, value);

/** The range a preset covers on `today` (weeks start on Monday; ranges end today). */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: string): DateRange {
  const date = new Date(parse(today));
  const year = date.getUTCFullYear();
  switch (preset) {
    case 'this-week':
      return { from: addDays(today, -((date.getUTCDay() + 6) % 7)), to: today };
    case 'last-30-days':
      return { from: addDays(today, -29), to: today };
    case 'this-quarter':
      return {
        from: format(Date.UTC(year, Math.floor(date.getUTCMonth() / 3) * 3, 1)),
        to: today,
      };
    case 'year-to-date':
      return { from: `${year}-01-01`, to: today };
  }
}

/** The period of equal length just before `range`, for "change against the previous period". */
export function previousRange(range: DateRange): DateRange {
  const to = addDays(range.from, -1);
  return { from: addDays(to, -(daysIn(range) - 1)), to };
}

export { todayIn };
