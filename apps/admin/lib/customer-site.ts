import { getServerEnv } from '@hibachi/core/env';

/**
 * The customer site's public origin (`PUBLIC_CUSTOMER_URL`), read on the server for pages
 * that show staff a link to send a customer (core's env module is server-only).
 */
export function customerSiteOrigin(): string {
  return getServerEnv().PUBLIC_CUSTOMER_URL;
}
