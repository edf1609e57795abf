import type { TimeOffEntry, TTimeOffInput } from '@hibachi/core/season/season.schema';
import { toNullableText } from '@hibachi/web/form-values';

/**
 * A time-off form as text: whole days (`from`, `to` are dates) or some hours of one `date`
 * (`from`, `to` are times), named as the API's body is.
 */
export type TimeOffValues = {
  chefId: string;
  kind: string;
  date?: string;
  from: string;
  to: string;
  note: string;
  /** "reassign" moves the chef's events then to free chefs; anything else refuses. */
  bookings?: string;
};

const toBookingsChoice = (value: string | undefined) =>
  value === 'reassign' ? ('reassign' as const) : ('refuse' as const);

/** `POST …/time-off` (and `PUT` for an entry changed). */
export function toTimeOffInput(values: TimeOffValues): TTimeOffInput {
  const common = {
    chefId: values.chefId,
    note: toNullableText(values.note),
    bookings: toBookingsChoice(values.bookings),
  };
  return values.kind === 'HOURS'
    ? { kind: 'HOURS', ...common, date: values.date ?? '', from: values.from, to: values.to }
    : { kind: 'DAYS', ...common, from: values.from, to: values.to };
}

/** An entry as its Change form shows it. */
export function toTimeOffValues(entry: TimeOffEntry): TimeOffValues {
  return {
    chefId: entry.chefId,
    kind: entry.kind,
    date: entry.date ?? '',
    from: entry.from,
    to: entry.to,
    note: entry.note ?? '',
  };
}

/** The calendar's "Mark a chef off" dialog: its note and whether to move the chef's events. */
export type MarkOffValues = { note: string; bookings?: string };

export function toMarkOffInput(
  values: MarkOffValues,
  span: { chefId: string; date: string; from: string; to: string },
): TTimeOffInput {
  return toTimeOffInput({ ...span, kind: 'HOURS', ...values });
}

/** A date's rule as text: closed, or other first and last starts. */
export type StationDateValues = {
  date: string;
  closed: string;
  firstStart?: string;
  lastStart?: string;
  note: string;
};

/** `PUT …/dates/DATE`: the date goes in the path, the rule in the body. */
export function toStationDateInput(values: StationDateValues) {
  const note = toNullableText(values.note);
  return {
    date: values.date,
    body:
      values.closed === 'closed'
        ? { closed: true, note }
        : {
            closed: false,
            firstStart: values.firstStart ?? '',
            lastStart: values.lastStart ?? '',
            note,
          },
  };
}
