import * as Sentry from '@sentry/nextjs';
import { expect, it } from 'vitest';
import { initServerSentry } from './sentry-server';

it('without a DSN the SDK is initialised disabled, so nothing is ever sent', () => {
  initServerSentry('customer', undefined);
  expect(Sentry.getClient()?.getOptions()).toMatchObject({ enabled: false, dsn: undefined });
});
