import { apiNotFoundHandler } from '@hibachi/core/http';

export const dynamic = 'force-dynamic';

export {
  apiNotFoundHandler as GET,
  apiNotFoundHandler as POST,
  apiNotFoundHandler as PUT,
  apiNotFoundHandler as PATCH,
  apiNotFoundHandler as DELETE,
};
