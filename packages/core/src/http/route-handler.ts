import type { Logger } from 'pino';
import { describeError, reportError, toErrorResponse } from '../errors';
import { accessLog, logger as rootLogger } from '../logger';
import { recordRequest } from '../metrics/registry';
import { AppError } from '../errors/app-error';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id';
import { isCrossSiteMutation } from './same-origin';

export type RouteContext<Params> = {
  requestId: string;
  logger: Logger;
  params: Params;
};

type NextRouteSecondArg<Params> = { params: Promise<Params> };

/**
 * Wraps a Next.js route handler: request id (echoed or made), cross-site mutations refused
 * (403), one access log line (path without the query string, which may hold an e-mail), and
 * every thrown error turned into the JSON envelope. Handlers stay thin and only call core.
 * (API routes do not run the apps' proxy: this is the only per-request work around them.)
 */
export function createRouteHandler<Params = Record<string, never>>(
  handler: (request: Request, context: RouteContext<Params>) => Promise<Response>,
) {
  return async (request: Request, next?: NextRouteSecondArg<Params>): Promise<Response> => {
    const started = performance.now();
    const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
    // The request's child logger is made only if the handler or an error needs it.
    let child: Logger | undefined;
    const logger = () => (child ??= rootLogger.child({ requestId }));
    const path = new URL(request.url).pathname;
    let response: Response;
    let params = {} as Params;
    try {
      params = (next ? await next.params : {}) as Params;
      if (isCrossSiteMutation(request))
        throw new AppError('FORBIDDEN', 'Cross-site requests are not allowed.');
      response = await handler(request, {
        requestId,
        params,
        get logger() {
          return logger();
        },
      });
    } catch (error) {
      const result = toErrorResponse(error, requestId);
      response = result.response;
      if (result.appError.status >= 500) {
        logger().error(
          { error: describeError(error), path, method: request.method },
          'request failed',
        );
      }
      // Bugs go to error reporting; expected failures (409, database unavailable) do not.
      if (result.appError.code === 'INTERNAL')
        reportError(error, { requestId, path, method: request.method });
    }
    response.headers.set('X-Request-Id', requestId);
    recordRequest(
      { method: request.method, path, params: params as Record<string, unknown> },
      response.status,
      (performance.now() - started) / 1000,
    );
    accessLog.write({
      requestId,
      method: request.method,
      path,
      status: response.status,
      ms: Math.round(performance.now() - started),
    });
    return response;
  };
}
