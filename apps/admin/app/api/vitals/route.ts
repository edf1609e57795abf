import { createRouteHandler, ok, readJsonBody } from '@hibachi/core/http';
import { recordWebVitals } from '@hibachi/core/metrics';
import { clientIp } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

/** A browser's Web Vitals beacon (LCP, INP, CLS, TTFB of one page route) into /api/metrics. */
export const POST = createRouteHandler(async (request) =>
  ok(
    await recordWebVitals({
      app: 'admin',
      input: await readJsonBody(request, 4096),
      address: clientIp(request),
    }),
  ),
);
