import 'server-only';
import Stripe from 'stripe';

/** The real Stripe SDK; `apiUrl` points it elsewhere (a local fake server in tests). */
export function createStripeClient(
  secretKey: string,
  apiUrl?: string,
  options: { timeoutMs?: number } = {},
): Stripe {
  const target = apiUrl ? new URL(apiUrl) : undefined;
  return new Stripe(secretKey, {
    maxNetworkRetries: 1,
    timeout: options.timeoutMs ?? 10_000,
    ...(target
      ? {
          host: target.hostname,
          port: Number(target.port || (target.protocol === 'https:' ? 443 : 80)),
          protocol: target.protocol.replace(':', '') as 'http' | 'https',
        }
      : {}),
  });
}
