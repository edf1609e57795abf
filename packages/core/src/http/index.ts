export { REQUEST_ID_HEADER, resolveRequestId } from './request-id';
export { createRouteHandler, type RouteContext } from './route-handler';
export { readJsonBody, readRawBody, MAX_JSON_BODY_BYTES } from './read-json-body';
export { ok } from './ok';
export { apiNotFoundHandler, apiNotFoundRoutes } from './not-found-handler';
export { metricsHandler } from './metrics-handler';
