/** Display helpers; every date and time is shown in the station's time zone. */

export {
  formatMoney,
  fromMajorUnits,
  moneyOf,
  toMajorUnits,
  type MoneyFormat,
} from '@hibachi/core/money/format-money';

// Intl formatters are costly to build (tens of microseconds) and lists and the calendar
// format thousands of values per render: each one is built once.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatLocalDate(
  date: string,
  options: Intl.DateTimeFormatOptions = {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  },
): string {
  return cached(
    `date:${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }),
  ).format(new Date(`${date}T12:00:00Z`));
}

export function formatTime(time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return cached(
    'time',
    () => new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }),
  ).format(new Date(Date.UTC(2000, 0, 1, hours, minutes)));
}

export function formatInstant(iso: string, timeZone: string): string {
  return cached(
    `instant:${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-US', {
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZone,
        timeZoneName: 'short',
      }),
  ).format(new Date(iso));
}

export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "America/Anchorage" → "Alaska Time", as a customer would say it. */
export function timeZoneLabel(timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(new Date())
    .find((item) => item.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** Today's date (YYYY-MM-DD) in a time zone (the browser's when none), at `now`. */
export function todayIn(timeZone?: string, now = new Date()): string {
  return cached(
    `today:${timeZone ?? ''}`,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }),
  ).format(now);
}
