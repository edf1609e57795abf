import { expect, it } from 'vitest';
import { createNextConfig } from './next-config';

async function csp(sentryDsn?: string): Promise<string> {
  const config = createNextConfig({ development: false, sentryDsn });
  const [rule] = (await config.headers!()) ?? [];
  return rule!.headers.find((header) => header.key === 'Content-Security-Policy')!.value;
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
