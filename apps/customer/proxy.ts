import { requestProxy } from '@hibachi/web/proxy';

export const proxy = requestProxy;

export const config = { matcher: '/:path*' };
