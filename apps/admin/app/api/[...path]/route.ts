import { apiNotFoundRoutes } from '@hibachi/core/http';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE } = apiNotFoundRoutes;
