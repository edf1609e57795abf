import type { ErrorDetails } from '@hibachi/core/errors/refusal-reasons';
import { isDevelopmentBuild } from './build-mode';

/** The API's error envelope, surfaced to components as an Error with the code and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Envelope<T> =
  { data: T } | { error: { code: string; message: string; details?: ErrorDetails } };

// Under `next dev` the first request to a route compiles it first, which takes a minute or
// more on a small, busy machine: the browser waits rather than calling the server unreachable.
const DEFAULT_TIMEOUT_MS = isDevelopmentBuild ? 180_000 : 15_000;

/** fetch → `data` of the success envelope, or an ApiError carrying the server's friendly message. */
export async function fetchJson<T>(
  input: string,
  init: RequestInit & { timeoutMs?: number } = {},
): Promise<T> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(input, {
      ...rest,
      headers: {
        Accept: 'application/json',
        ...(rest.body ? { 'Content-Type': 'application/json' } : {}),
        ...rest.headers,
      },
      signal: rest.signal ?? AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      'We could not reach the server. Check your connection and try again.',
    );
  }
  const body = (await response.json().catch(() => undefined)) as Envelope<T> | undefined;
  if (response.ok && body && 'data' in body) return body.data;
  const error = body && 'error' in body ? body.error : undefined;
  const retryAfter = Number(response.headers.get('Retry-After'));
  throw new ApiError(
    response.status,
    error?.code ?? 'INTERNAL',
    error?.message ?? 'Something went wrong. Please try again.',
    error?.details,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}
