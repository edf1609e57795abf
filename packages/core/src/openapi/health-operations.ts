import { z } from 'zod';
import { ZLiveHealth, ZReadyHealth } from '../health/health.schema';
import { ZWebVitalsInput } from '../metrics/web-vitals.schema';
import type { ApiOperation } from './build-document';

/** What both apps serve for operators and for themselves. */
export const HEALTH_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/health/live',
    summary: 'The process answers (no database)',
    tag: 'Operations',
    response: ZLiveHealth,
    errors: [],
  },
  {
    method: 'get',
    path: '/api/health/ready',
    summary: 'The database answers and migrations are applied',
    tag: 'Operations',
    response: ZReadyHealth,
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
    method: 'post',
    path: '/api/vitals',
    summary:
      "A browser's Web Vitals for one page route (a route template of this app), observed in the web_vitals_* histograms of /api/metrics",
    tag: 'Operations',
    body: ZWebVitalsInput,
    response: z.object({ recorded: z.number().int() }),
    errors: ['VALIDATION_FAILED', 'RATE_LIMITED', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE'],
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
