import { expect, it } from 'vitest';
import { createNextConfig } from './next-config';

async function rules(sentryDsn?: string) {
  return (await createNextConfig({ development: false, sentryDsn }).headers!()) ?? [];
}

async function csp(sentryDsn?: string): Promise<string> {
  const pages = (await rules(sentryDsn)).find((rule) => rule.source.startsWith('/:path(('));
  return pages!.headers.find((header) => header.key === 'Content-Security-Policy')!.value;
}

it('lets the browser reach only its own origin, plus the Sentry ingest when a DSN is built in', async () => {
  expect(await csp()).toContain("connect-src 'self';");
  expect(createNextConfig({ development: false }).env?.NEXT_PUBLIC_SENTRY_DSN).toBe('');

  const dsn = 'https://key@o1.ingest.sentry.io/42';
  expect(await csp(dsn)).toContain("connect-src 'self' https://o1.ingest.sentry.io;");
  expect(createNextConfig({ development: false, sentryDsn: dsn }).env?.NEXT_PUBLIC_SENTRY_DSN).toBe(
    dsn,
  );
});

it('stops the build with a clear message for a malformed SENTRY_DSN', () => {
  expect(() => createNextConfig({ development: false, sentryDsn: 'not a url' })).toThrow(
    /SENTRY_DSN must be a URL/,
  );
});

it('gives API answers a colon-free policy of their own (Next re-compiles values holding ":")', async () => {
  const all = await rules('https://key@o1.ingest.sentry.io/42');
  const api = all.filter((rule) => rule.source === '/:path*' || rule.source === '/api/:path*');
  expect(api.flatMap((rule) => rule.headers).map((header) => header.key)).toEqual([
    'Strict-Transport-Security',
    'X-Content-Type-Options',
    'X-Frame-Options',
    'Referrer-Policy',
    'Permissions-Policy',
    'Content-Security-Policy',
  ]);
  for (const header of api.flatMap((rule) => rule.headers)) expect(header.value).not.toContain(':');
  expect(api.at(-1)!.headers[0]!.value).toBe("default-src 'none'; frame-ancestors 'none'");
});
