import { formatMinutes, isCalendarDate, toDbDate } from '../time';
import { fieldError } from '../validation';
import { type StationDateRule } from './season.schema';

export const localDate = (date: string) => {
  if (!isCalendarDate(date)) throw fieldError('date', 'Use a calendar date (YYYY-MM-DD)');
  return toDbDate(date);
};

export function toRule(
  date: string,
  rule: {
    closed: boolean;
    firstStartMinute: number | null;
    lastStartMinute: number | null;
    note: string | null;
  },
): StationDateRule {
  return {
    date,
    closed: rule.closed,
    firstStart: rule.firstStartMinute === null ? null : formatMinutes(rule.firstStartMinute),
    lastStart: rule.lastStartMinute === null ? null : formatMinutes(rule.lastStartMinute),
    note: rule.note,
  };
}
