import { DateTime } from 'luxon';

export type CalendarView = 'week' | 'month' | 'day';

/** YYYY-MM-DD of a DateTime built from a valid date (an invalid one is a bug: it throws). */
function isoDate(value: DateTime): string {
  const text = value.toISODate();
  if (text === null) throw new Error(`not a valid date: ${value.invalidReason ?? 'unknown'}`);
  return text;
}
export const CALENDAR_VIEWS: CalendarView[] = ['week', 'month', 'day'];

/** The local dates a view shows around `date` (weeks start on Monday), in the station's zone. */
export function visibleRange(
  view: CalendarView,
  date: string,
  timeZone: string,
): { from: string; to: string } {
  const day = DateTime.fromISO(date, { zone: timeZone });
  const [start, end] =
    view === 'day'
      ? [day, day]
      : view === 'week'
        ? [day.startOf('week'), day.endOf('week')]
        : [day.startOf('month').startOf('week'), day.endOf('month').endOf('week')];
  return { from: isoDate(start), to: isoDate(end) };
}

/** The same view one step earlier or later. */
export function shiftDate(view: CalendarView, date: string, steps: number): string {
  const unit = view === 'day' ? 'days' : view === 'week' ? 'weeks' : 'months';
  return isoDate(DateTime.fromISO(date).plus({ [unit]: steps }));
}

/** An instant → the station's local date and HH:MM. */
export function toLocal(instant: Date, timeZone: string): { date: string; time: string } {
  const local = DateTime.fromJSDate(instant).setZone(timeZone);
  return { date: isoDate(local), time: local.toFormat('HH:mm') };
}
