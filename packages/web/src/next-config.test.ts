import { expect, it } from 'vitest';
import { createNextConfig } from './next-config';
import { newNonce, pagePolicy } from './content-security-policy';

async function rules(sentryDsn?: string) {
  return (await createNextConfig({ development: false, sentryDsn }).headers!()) ?? [];
}

it('builds the Sentry DSN in for the browser (the proxy allows its origin)', () => {
  expect(createNextConfig({ development: false }).env?.NEXT_PUBLIC_SENTRY_DSN).toBe('');
  const dsn = 'https://key@o1.ingest.sentry.io/42';
  expect(createNextConfig({ development: false, sentryDsn: dsn }).env?.NEXT_PUBLIC_SENTRY_DSN).toBe(
    dsn,
  );
});

it('sets no page policy itself: a static one could not carry a nonce', async () => {
  const keys = (await rules())
    .filter((rule) => rule.source !== '/api/:path*')
    .flatMap((rule) => rule.headers.map((header) => header.key));
  expect(keys).not.toContain('Content-Security-Policy');
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

it('lets page scripts run only with the nonce, and reach only its own origin plus Sentry', () => {
  const nonce = newNonce();
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(newNonce()).not.toBe(nonce);
  const policy = pagePolicy({ nonce, development: false });
  const scripts = policy.split('; ').find((directive) => directive.startsWith('script-src'))!;
  expect(scripts).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  expect(policy).toContain("connect-src 'self';");
  expect(
    pagePolicy({ nonce, development: false, reportTo: 'https://o1.ingest.sentry.io' }),
  ).toContain("connect-src 'self' https://o1.ingest.sentry.io;");
});
