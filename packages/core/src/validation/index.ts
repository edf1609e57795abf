import type { z } from 'zod';
import { AppError } from '../errors/app-error';

/** zod issues → `{ "customer.email": ["…"] }`, the shape clients show next to fields. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  // Keys come from the client (`__proto__` included): no prototype to collide with.
  const details = Object.create(null) as Record<string, string[]>;
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key].join('.');
        (details[path] ??= []).push('Unknown field');
      }
      continue;
    }
    const path = issue.path.length > 0 ? issue.path.join('.') : 'body';
    (details[path] ??= []).push(issue.message);
  }
  return details;
}

/** Parses untrusted input or throws 400 VALIDATION_FAILED with field details. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError('VALIDATION_FAILED', 'Please check the highlighted fields.', {
      details: fieldErrors(result.error),
    });
  }
  return result.data;
}

export function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { details: { [field]: [message] } });
}
