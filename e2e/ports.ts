import net from 'node:net';

/** Ports the e2e production servers listen on (kept apart from `pnpm dev`'s 3000/3001). */
export const CUSTOMER_PORT = 3100;
export const ADMIN_PORT = 3101;
/** A customer app pointed at a database that does not exist. */
export const CUSTOMER_NO_DB_PORT = 3102;
/** A second customer instance on the same database (rate limits must be shared). */
export const CUSTOMER_SECOND_PORT = 3103;
/** The local Sentry sink; fixed, because the build inlines the DSN for the browser. */
export const SENTRY_SINK_PORT = 3104;

/** A port nothing listens on now, for a server a test starts itself. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
