import type { ApiOperation } from './build-document';

/** What both apps serve for operators and for themselves. */
export const HEALTH_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/health/live',
    summary: 'The process answers (no database)',
    tag: 'Operations',
    errors: [],
  },
  {
    method: 'get',
    path: '/api/health/ready',
    summary: 'The database answers and migrations are applied',
    tag: 'Operations',
    errors: ['UNAVAILABLE'],
  },
  {
    method: 'get',
    path: '/api/metrics',
    summary: 'Prometheus metrics (behind a bearer token when METRICS_TOKEN is set)',
    tag: 'Operations',
    auth: 'metricsToken',
    response: 'Prometheus text format',
    responseType: 'text/plain',
    errors: ['UNAUTHENTICATED'],
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    tag: 'Operations',
    response: 'An OpenAPI 3.1 document',
    responseType: 'application/json',
    errors: [],
  },
];
