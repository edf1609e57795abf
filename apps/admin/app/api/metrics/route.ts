export { metricsHandler as GET } from '@hibachi/core/metrics';

export const dynamic = 'force-dynamic';
