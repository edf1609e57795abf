import type { z } from 'zod';
import type { ErrorCode } from '../errors/app-error';

/**
 * An answer described by a TypeScript type (the use case's return type) and words, for an
 * operation whose `data` has no zod schema: the typed client reads the type, the OpenAPI
 * document the words.
 */
export type Answer<T> = { readonly describes: string; readonly type?: T };

export const answer = <T>(describes: string): Answer<T> => ({ describes });

/** One operation of an app's HTTP API, described with the zod schemas its handler uses. */
export type ApiOperation = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style: `/api/bookings/{reference}`. */
  path: string;
  summary: string;
  tag: string;
  /** Who may call it: anyone, a signed-in staff member (session cookie), or the metrics token. */
  auth?: 'public' | 'staff' | 'metricsToken';
  query?: z.ZodType;
  body?: z.ZodType;
  /** Raw bodies (the Stripe webhook) are described in words, not as JSON. */
  rawBody?: string;
  /** The `data` of the success envelope: a schema, a typed description, or words. */
  response?: z.ZodType | Answer<unknown> | string;
  /** Not JSON: the media type of the answer (Prometheus text). */
  responseType?: string;
  status?: 200 | 201;
  headers?: readonly { name: string; description: string }[];
  errors: readonly ErrorCode[];
};

/** `'/api/admin/bookings/{id}/notes'` → `'id'`. */
export type PathParameterName<Path extends string> =
  Path extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParameterName<Rest> : never;

/** What a client sends as the body: the schema's input (before coercions and defaults). */
export type OperationBody<Op> = Op extends { body: z.ZodType } ? z.input<Op['body']> : never;

export type OperationQuery<Op> = Op extends { query: z.ZodType } ? z.input<Op['query']> : never;

/** The `data` of the success envelope. */
export type OperationData<Op> = Op extends { response: z.ZodType }
  ? z.output<Op['response']>
  : Op extends { response: Answer<infer T> }
    ? T
    : unknown;
