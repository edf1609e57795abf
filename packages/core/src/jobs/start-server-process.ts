import { EnvError, getServerEnv, requireAuthSecret } from '../env';
import { logger } from '../logger';
import { startChangeListener, stopChangeListener } from '../db/change-listener';
import { closeLiveStreams } from '../live/live-hub';
import { stopBackgroundJobs } from './start-background-jobs';

const globalForProcess = globalThis as unknown as { hibachiServerStarted?: boolean };

/**
 * Called once from each app's instrumentation `register()`: validates the environment
 * (a bad variable stops start-up with a message naming it) and hooks shutdown.
 */
export function startServerProcess(app: 'customer' | 'admin'): void {
  if (globalForProcess.hibachiServerStarted) return;
  globalForProcess.hibachiServerStarted = true;
  try {
    const env = getServerEnv();
    if (app === 'admin') requireAuthSecret(env);
    logger.info(
      { app, nodeEnv: env.NODE_ENV, database: describeDatabase(env.DATABASE_URL) },
      'server starting',
    );
  } catch (error) {
    if (error instanceof EnvError) {
      for (const issue of error.issues) {
        logger.fatal(
          { app, variable: issue.variable },
          `environment variable ${issue.variable} ${issue.message}`,
        );
      }
      process.exit(1);
    }
    throw error;
  }
  // The customer-read caches (stations, availability) follow changes through this listener.
  startChangeListener();
  // `next start` itself stops accepting connections, waits for in-flight requests and then
  // exits; closing the pool here would fail those requests, so only background work stops.
  const shutdown = (signal: string) => {
    logger.info({ app, signal }, 'shutting down: finishing in-flight requests and e-mails');
    // Open event streams would hold the server open: they end now and their clients
    // reconnect (to another instance behind the balancer) from the last event they have.
    closeLiveStreams();
    void stopChangeListener();
    void stopBackgroundJobs().then(() => logger.info({ app }, 'background jobs stopped'));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/** Host and database name only: never the password. */
function describeDatabase(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}
