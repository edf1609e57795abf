// Browser-safe and zod-free: the Web Vitals reporter runs on every page, and zod (30 kB
// gzipped) must not enter their first load through it (bench:weight).

/**
 * Web Vitals the browsers of both apps report (Core Web Vitals and time to first byte).
 * LCP, INP and TTFB are milliseconds; CLS has no unit. Client-safe: the reporter reads it too.
 */
export const WEB_VITALS = ['LCP', 'INP', 'CLS', 'TTFB'] as const;
export type WebVitalName = (typeof WEB_VITALS)[number];

/**
 * Every page of each app as a route template (the `app/` directory's paths, each dynamic
 * segment in brackets): the only route labels the vitals histograms take, so the number of
 * series is fixed whatever paths browsers report. An e2e test compares them with the apps.
 */
export const PAGE_ROUTES = {
  customer: [
    '/',
    '/book/[station]',
    '/locations/[slug]',
    '/manage',
    '/manage/[reference]',
    '/pay/[reference]',
    '/pay/[reference]/return',
    '/pay/[reference]/simulator',
    '/proposal/[reference]',
  ],
  admin: [
    '/',
    '/bookings',
    '/bookings/[id]',
    '/bookings/new',
    '/calendar',
    '/customers',
    '/dashboard',
    '/inbox',
    '/my-events',
    '/outbox',
    '/prep',
    '/season',
    '/set-password',
    '/settings',
    '/sign-in',
    '/staff',
    '/stations',
  ],
} as const satisfies Record<string, readonly string[]>;
export type WebVitalsApp = keyof typeof PAGE_ROUTES;

/**
 * The route template of a path, from the route's params as Next gives them
 * (`/book/seattle`, `{ station: 'seattle' }` → `/book/[station]`).
 */
export function pageRouteTemplate(
  pathname: string,
  params: Record<string, string | string[] | undefined>,
): string {
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string') names.set(value, name);
  }
  return pathname
    .split('/')
    .map((segment) => {
      const name = names.get(decodeSegment(segment));
      return name ? `[${name}]` : segment;
    })
    .join('/');
}

/** A path segment decoded, or as sent when it is not valid percent-encoding. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
