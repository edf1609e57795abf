import { createRouteHandler } from '@hibachi/core/http';
import { openApiDocument } from '@hibachi/core/openapi';

/** This app's HTTP contract as OpenAPI 3.1, generated from the zod schemas its handlers parse. */
export const GET = createRouteHandler(async () =>
  Response.json(openApiDocument('admin'), { headers: { 'Cache-Control': 'public, max-age=300' } }),
);
