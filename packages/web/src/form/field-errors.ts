import type { z } from 'zod';
import { fieldErrors } from '@hibachi/core/validation/client';
import { ApiError } from '../fetch-json';

/** Messages per form field name: what a `Field` shows under its control. */
export type FieldErrors = Record<string, string[]>;

/** The API's path of a field (`travelZones.0.feeCents`) as the form names it (`travelZones[0].feeCents`). */
export function toFieldName(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

function isZodError(error: unknown): error is z.ZodError {
  return (
    typeof error === 'object' &&
    error !== null &&
    Array.isArray((error as { issues?: unknown }).issues)
  );
}

/**
 * The one way field messages are read: a 400's `details` (the API's answer, or the typed
 * client's check with the same schema before sending) or a zod error from checking a body in
 * the browser, as messages per form field name. Anything else (a 409, a network failure) has
 * no field messages: the form shows its message instead.
 */
export function toFieldErrors(error: unknown): FieldErrors {
  const details = isZodError(error)
    ? fieldErrors(error)
    : error instanceof ApiError && error.status === 400
      ? error.details
      : undefined;
  // Field names echo what the client sent (`__proto__` included): no prototype to collide with.
  const messages = Object.create(null) as FieldErrors;
  for (const [path, value] of Object.entries(details ?? {})) {
    if (!Array.isArray(value)) continue;
    const texts = [...new Set(value.filter((item): item is string => typeof item === 'string'))];
    if (texts.length > 0) messages[toFieldName(path)] = texts;
  }
  return messages;
}

/** Whether a refusal carries messages for fields (else the form shows its message). */
export function hasFieldErrors(error: unknown): boolean {
  return Object.keys(toFieldErrors(error)).length > 0;
}
