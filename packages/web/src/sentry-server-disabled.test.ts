import * as Sentry from '@sentry/nextjs';
import { expect, it } from 'vitest';
import { initServerSentry } from './sentry-server';

it('without a DSN the SDK is not started at all, so nothing is sent and no tracing is set up', () => {
  initServerSentry('customer', undefined);
  expect(Sentry.getClient()).toBeUndefined();
  expect(Sentry.isInitialized()).toBe(false);
});
