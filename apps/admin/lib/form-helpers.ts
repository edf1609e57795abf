import type { FormEvent } from 'react';
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

/** One field of submitted form data as text ('' for a missing or file field). */
export function fieldText(data: FormData, field: string): string {
  const value = data.get(field);
  return typeof value === 'string' ? value : '';
}

/** The named fields of a form as text. */
export function formValues<Field extends string>(
  form: HTMLFormElement,
  fields: readonly Field[],
): Record<Field, string> {
  const data = new FormData(form);
  const values = {} as Record<Field, string>;
  for (const field of fields) values[field] = fieldText(data, field);
  return values;
}

/**
 * An onSubmit handler: keeps the page from reloading, reads the named fields and hands them to
 * `submit` with the form (to reset it once saved).
 */
export function onFormSubmit<Field extends string>(
  fields: readonly Field[],
  submit: (values: Record<Field, string>, form: HTMLFormElement) => void,
): (event: FormEvent<HTMLFormElement>) => void {
  return (event) => {
    event.preventDefault();
    submit(formValues(event.currentTarget, fields), event.currentTarget);
  };
}

/**
 * The name and accessibility attributes of a field whose message (from fieldMessages) is shown
 * in an element with id `<prefix>-<name>-error`.
 */
export function fieldAttributes(errors: Record<string, string>, prefix: string) {
  return (name: string) => ({
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${prefix}-${name}-error` : undefined,
  });
}
