import type {
  ApiOperation,
  OperationBody,
  OperationData,
  OperationQuery,
  PathParameterName,
} from '@hibachi/core/openapi/api-operation';
import { fieldErrors } from '@hibachi/core/validation/client';
import { checksAnswers } from './build-mode';
import { ApiError, fetchJson } from './fetch-json';

type Query = URLSearchParams | Record<string, string | number | boolean | null | undefined>;

/** What one call takes: the path's `{names}`, the body and query its schemas accept, headers. */
export type CallOptions<Op extends ApiOperation> = ([PathParameterName<Op['path']>] extends [never]
  ? unknown
  : { path: Record<PathParameterName<Op['path']>, string> }) &
  ([OperationBody<Op>] extends [never] ? unknown : { body: OperationBody<Op> }) &
  ([OperationQuery<Op>] extends [never] ? unknown : { query?: OperationQuery<Op> | Query }) & {
    headers?: Record<string, string>;
  };

/** A call's options may be left out when it needs neither path names nor a body. */
type CallArguments<Op extends ApiOperation> = [
  PathParameterName<Op['path']> | OperationBody<Op>,
] extends [never]
  ? [options?: CallOptions<Op>]
  : [options: CallOptions<Op>];

export type ApiClient<Operations extends Record<string, ApiOperation>> = {
  [Name in keyof Operations]: (
    ...args: CallArguments<Operations[Name]>
  ) => Promise<OperationData<Operations[Name]>>;
};

type LooseOptions = {
  path?: Record<string, string>;
  body?: unknown;
  query?: Query;
  headers?: Record<string, string>;
};

/** `/api/admin/bookings/{id}` with `{ id: 'b 1' }` → `/api/admin/bookings/b%201`, plus the query. */
export function operationUrl(operation: ApiOperation, options: LooseOptions = {}): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = options.path?.[name];
    if (value === undefined) throw new Error(`${operation.path} needs ${name}`);
    return encodeURIComponent(value);
  });
  const query =
    options.query instanceof URLSearchParams
      ? options.query
      : new URLSearchParams(
          Object.entries(options.query ?? {}).flatMap(([name, value]) =>
            value === undefined || value === null ? [] : [[name, String(value)]],
          ),
        );
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * An answer that does not match its operation's schema: the server and the operation list
 * disagree (a bug, not the user's doing). Thrown in development and tests only.
 */
export class AnswerMismatchError extends Error {
  constructor(
    readonly operation: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(
      `The answer of ${operation} does not match its schema: ${issues
        .map((issue) => `${issue.path || '(the data)'}: ${issue.message}`)
        .join('; ')}`,
    );
    this.name = 'AnswerMismatchError';
  }
}

/** `data` as it came, once the operation's schema accepts it (the parsed copy is not used). */
function checkedAnswer(name: string, operation: ApiOperation, data: unknown): unknown {
  if (operation.responseType !== undefined) return data;
  const parsed = operation.response.safeParse(data);
  if (parsed.success) return data;
  throw new AnswerMismatchError(
    `${name} (${operation.method.toUpperCase()} ${operation.path})`,
    parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  );
}

/**
 * A client for an app's operation list: each call's URL, method, body and answer come from its
 * operation, and a body is checked in the browser with the schema the API checks it with, so a
 * bad form answers at once with the same field messages and nothing is sent. In development and
 * tests (`checkAnswers`) each answer is checked against its operation's schema as well, and a
 * mismatch throws an AnswerMismatchError naming the operation and the field; production trusts
 * the server and pays nothing.
 */
export function createApiClient<Operations extends Record<string, ApiOperation>>(
  operations: Operations,
  options: { baseUrl?: string; checkAnswers?: boolean } = {},
): ApiClient<Operations> {
  const baseUrl = options.baseUrl ?? '';
  const checkAnswers = options.checkAnswers ?? checksAnswers;
  const call =
    (name: string, operation: ApiOperation) =>
    (callOptions: LooseOptions = {}) => {
      if (operation.body) {
        const parsed = operation.body.safeParse(callOptions.body);
        if (!parsed.success)
          return Promise.reject(
            new ApiError(
              400,
              'VALIDATION_FAILED',
              'Check the highlighted fields.',
              fieldErrors(parsed.error),
            ),
          );
      }
      const answer = fetchJson<unknown>(baseUrl + operationUrl(operation, callOptions), {
        method: operation.method.toUpperCase(),
        ...(operation.body ? { body: JSON.stringify(callOptions.body) } : {}),
        ...(callOptions.headers ? { headers: callOptions.headers } : {}),
      });
      return checkAnswers ? answer.then((data) => checkedAnswer(name, operation, data)) : answer;
    };
  // The generic types above are what callers see; at run time every call has one shape.
  return Object.fromEntries(
    Object.entries(operations).map(([name, operation]) => [name, call(name, operation)]),
  ) as unknown as ApiClient<Operations>;
}
