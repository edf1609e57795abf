import { AppError, isAppError, type ErrorCode, type ErrorDetails } from './app-error';
import { translateDatabaseError } from './translate-database-error';

export type ErrorEnvelope = {
  error: { code: ErrorCode; message: string; details?: ErrorDetails; requestId: string };
};

export function errorEnvelope(error: AppError, requestId: string): ErrorEnvelope {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
      requestId,
    },
  };
}

/**
 * Any thrown value → the JSON error envelope. Unknown errors become a generic 500 (or 503
 * when the database is unreachable or a write kept losing to concurrent ones, see
 * translateDatabaseError) with no stack trace or message leaked.
 */
export function toErrorResponse(
  error: unknown,
  requestId: string,
): { appError: AppError; response: Response } {
  const appError = isAppError(error)
    ? error
    : (translateDatabaseError(error) ??
      new AppError('INTERNAL', 'Something went wrong on our side. Please try again.'));
  const response = Response.json(errorEnvelope(appError, requestId), {
    status: appError.status,
    headers: { 'X-Request-Id': requestId, 'Cache-Control': 'no-store', ...appError.headers },
  });
  return { appError, response };
}
