import type {
  ApiOperation,
  OperationBody,
  OperationData,
  OperationQuery,
  PathParameterName,
} from '@hibachi/core/openapi/api-operation';
import { fieldErrors } from '@hibachi/core/validation/client';
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
 * A client for an app's operation list: each call's URL, method, body and answer come from its
 * operation, and a body is checked in the browser with the schema the API checks it with, so a
 * bad form answers at once with the same field messages and nothing is sent.
 */
export function createApiClient<Operations extends Record<string, ApiOperation>>(
  operations: Operations,
  options: { baseUrl?: string } = {},
): ApiClient<Operations> {
  const baseUrl = options.baseUrl ?? '';
  const call =
    (operation: ApiOperation) =>
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
      return fetchJson(baseUrl + operationUrl(operation, callOptions), {
        method: operation.method.toUpperCase(),
        ...(operation.body ? { body: JSON.stringify(callOptions.body) } : {}),
        ...(callOptions.headers ? { headers: callOptions.headers } : {}),
      });
    };
  // The generic types above are what callers see; at run time every call has one shape.
  return Object.fromEntries(
    Object.entries(operations).map(([name, operation]) => [name, call(operation)]),
  ) as unknown as ApiClient<Operations>;
}
