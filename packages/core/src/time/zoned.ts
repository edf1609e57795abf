import { Temporal } from 'temporal-polyfill';

/** A wall-clock date and time in some station's time zone. */
export type LocalDateTime = { date: string; time: string };

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** "HH:MM" → minutes after midnight, or undefined when malformed. */
export function parseLocalTime(time: string): number | undefined {
  const match = TIME_PATTERN.exec(time);
  if (!match) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Minutes after midnight → "HH:MM". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * A station-local date and time → the UTC instant, DST-safe.
 * Returns undefined for a wall time that does not exist (the spring-forward gap).
 * An ambiguous time (fall-back overlap) resolves to the earlier instant, the one a
 * customer reading a clock before the change would mean.
 */
export function localToInstant(local: LocalDateTime, timeZone: string): Date | undefined {
  if (!DATE_PATTERN.test(local.date) || parseLocalTime(local.time) === undefined) return undefined;
  let plain: Temporal.PlainDateTime;
  try {
    plain = Temporal.PlainDateTime.from(`${local.date}T${local.time}`, { overflow: 'reject' });
  } catch {
    return undefined;
  }
  const zoned = plain.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  const roundTrip = zoned.toPlainDateTime();
  if (Temporal.PlainDateTime.compare(roundTrip, plain) !== 0) return undefined;
  return new Date(zoned.epochMilliseconds);
}

/** A UTC instant → the wall-clock date and time in the given zone. */
export function instantToLocal(instant: Date, timeZone: string): LocalDateTime {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(
    timeZone,
  );
  return {
    date: zoned.toPlainDate().toString(),
    time: `${String(zoned.hour).padStart(2, '0')}:${String(zoned.minute).padStart(2, '0')}`,
  };
}

/** Today's date (YYYY-MM-DD) in the given zone. */
export function todayInTimeZone(timeZone: string, now: Date = new Date()): string {
  return instantToLocal(now, timeZone).date;
}

/** Calendar arithmetic on YYYY-MM-DD dates. */
export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}
