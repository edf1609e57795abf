import { ApiError } from '@hibachi/web/fetch-json';

/** A 400's field details as one sentence per field, for the messages next to the inputs. */
export function fieldMessages(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400 || !error.details) return {};
  // Field names echo what the client sent (`__proto__` included): no prototype to collide with.
  const messages = Object.create(null) as Record<string, string>;
  for (const [field, value] of Object.entries(error.details))
    if (Array.isArray(value)) messages[field] = value.join(' ');
  return messages;
}

/** Every IANA zone the browser knows, for a time zone list (`current` always in it). */
export function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}
