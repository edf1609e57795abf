export { liveHealthHandler as GET } from '@hibachi/core/health';

export const dynamic = 'force-dynamic';
