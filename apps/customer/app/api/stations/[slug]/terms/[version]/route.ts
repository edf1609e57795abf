import { createRouteHandler, ok } from '@hibachi/core/http';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';
import { getPublicTermsVersion } from '@hibachi/core/terms';

export const dynamic = 'force-dynamic';

/** One version of the station's terms, exactly as published (what an acceptance points at). */
export const GET = createRouteHandler<{ slug: string; version: string }>(
  async (request, { params }) => {
    await consumeRateLimit('search', `ip:${clientIp(request)}`);
    return ok(await getPublicTermsVersion({ slug: params.slug, version: params.version }), {
      headers: { 'Cache-Control': 'public, max-age=3600, immutable' },
    });
  },
);
