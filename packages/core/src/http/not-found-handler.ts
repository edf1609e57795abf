import { AppError } from '../errors';
import { createRouteHandler } from './route-handler';

/** Catch-all for unknown /api paths: the 404 envelope rather than an HTML page. */
export const apiNotFoundHandler = createRouteHandler(async (request) => {
  throw new AppError(
    'NOT_FOUND',
    `No API route for ${request.method} ${new URL(request.url).pathname}.`,
  );
});

/** An app's catch-all `/api/[...path]` route: every method answers the 404 envelope. */
export const apiNotFoundRoutes = {
  GET: apiNotFoundHandler,
  POST: apiNotFoundHandler,
  PUT: apiNotFoundHandler,
  PATCH: apiNotFoundHandler,
  DELETE: apiNotFoundHandler,
};
