export { metricsHandler as GET } from '@hibachi/core/http';

export const dynamic = 'force-dynamic';
