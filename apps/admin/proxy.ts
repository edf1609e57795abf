import { requestProxy } from '@hibachi/web/proxy';

export const proxy = requestProxy;

// Pages only: not /api (its route wrapper does the same work), not build assets or files.
export const config = {
  matcher: '/((?!api/|_next/static/|_next/image|favicon\\.ico|.*\\.[a-z0-9]+$).*)',
};
