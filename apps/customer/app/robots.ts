import type { MetadataRoute } from 'next';
import { getServerEnv } from '@hibachi/core/env';

export const dynamic = 'force-dynamic';

/** `/robots.txt`: everything but the API, and where the sitemap is. */
export default function robots(): MetadataRoute.Robots {
  const site = getServerEnv().PUBLIC_CUSTOMER_URL;
  return {
    rules: [
      {
        userAgent: '*',
        allow: '/',
        disallow: ['/api/', '/pay/', '/chat/', '/manage/', '/proposal/'],
      },
    ],
    sitemap: `${site}/sitemap.xml`,
  };
}
