import type { z } from 'zod';
import type { ErrorCode } from '../errors/app-error';

/**
 * What `Response.json` sends of a value: instants become ISO strings and `undefined` values are
 * left out; everything else is written as it is. A use case's answer as its client receives it.
 */
export type Jsonified<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Jsonified<Item>[]
    : T extends object
      ? { [Key in keyof T]: Jsonified<Exclude<T[Key], undefined>> }
      : T;

/** Whether two types accept each other's values (each is assignable to the other). */
type Agree<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * The zod schema of a use case's answer, bound to the answer's type at compile time:
 * `answerOf<Returns<typeof listChefs>>()(z.array(ZChefRow))` compiles only when the schema's
 * output and the answer as JSON (`Jsonified`) agree both ways, so neither can gain, lose or
 * retype a field without the other. (Curried so the schema's own type is inferred.)
 */
export const answerOf =
  <Answer>() =>
  <Schema extends z.ZodType>(
    schema: Schema,
    ..._mismatch: Agree<z.output<Schema>, Jsonified<Answer>> extends true
      ? []
      : [schemaOutput: z.output<Schema>, useCaseAnswer: Jsonified<Answer>]
  ): Schema =>
    schema;

type BaseOperation = {
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
  status?: 200 | 201;
  headers?: readonly { name: string; description: string }[];
  errors: readonly ErrorCode[];
};

/**
 * One operation of an app's HTTP API, described with the zod schemas its handler uses. A JSON
 * answer (`{"data": …}`) is described by the zod schema of its `data`, as the client receives it
 * (instants as ISO strings); any other answer (CSV, iCalendar, Prometheus text, a stream) by its
 * media type and words.
 */
export type ApiOperation = BaseOperation &
  (
    | { response: z.ZodType; responseType?: undefined }
    | {
        /** Not a JSON envelope: the media type of the answer (CSV, iCalendar, Prometheus text). */
        responseType: string;
        response: string;
      }
  );

/** `'/api/admin/bookings/{id}/notes'` → `'id'`. */
export type PathParameterName<Path extends string> =
  Path extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParameterName<Rest> : never;

/** What a client sends as the body: the schema's input (before coercions and defaults). */
export type OperationBody<Op> = Op extends { body: z.ZodType } ? z.input<Op['body']> : never;

export type OperationQuery<Op> = Op extends { query: z.ZodType } ? z.input<Op['query']> : never;

/** The `data` of the success envelope: what the operation's answer schema describes. */
export type OperationData<Op> = Op extends { response: z.ZodType }
  ? z.output<Op['response']>
  : unknown;
