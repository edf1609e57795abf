import { getDb } from '../db/client';
import type { Station } from '../generated/prisma/client';
import { toDbDate, toLocalDate } from '../time';

/** A station's rule for one local date: closed, or other first and last start times. */
export type DateRule = {
  closed: boolean;
  firstStartMinute: number | null;
  lastStartMinute: number | null;
  note: string | null;
};

type Hours = Pick<Station, 'serviceStartMinute' | 'serviceEndMinute'>;

/**
 * The station as it is on a date: its own hours, the date's hours where it keeps others, or
 * null when it is closed. The one rule availability, booking and moves read.
 */
export function stationOnDate<T extends Hours>(station: T, rule: DateRule | undefined): T | null {
  if (!rule) return station;
  if (rule.closed) return null;
  return {
    ...station,
    serviceStartMinute: rule.firstStartMinute ?? station.serviceStartMinute,
    serviceEndMinute: rule.lastStartMinute ?? station.serviceEndMinute,
  };
}

/** What a customer or staff member is told about a closed date. */
export function closedDateMessage(rule: DateRule | undefined): string {
  return rule?.note ? `We are closed that day (${rule.note})` : 'We are closed that day';
}

type Db = Pick<ReturnType<typeof getDb>, 'stationDate'>;

/** The station's date rules from `from` to `to` (local dates, inclusive), by date. */
export async function dateRulesBetween(
  stationId: string,
  from: string,
  to: string,
  db: Db = getDb(),
): Promise<Map<string, DateRule>> {
  const rows = await db.stationDate.findMany({
    where: {
      stationId,
      date: { gte: toDbDate(from), lte: toDbDate(to) },
    },
  });
  return new Map(
    rows.map((row) => [
      toLocalDate(row.date),
      {
        closed: row.closed,
        firstStartMinute: row.firstStartMinute,
        lastStartMinute: row.lastStartMinute,
        note: row.note,
      },
    ]),
  );
}
