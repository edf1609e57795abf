import 'server-only';
import { Redis } from 'ioredis';
import { getDb } from '../db/client';
import { subscribeToChanges } from '../db/change-listener';
import { getServerEnv } from '../env';
import { describeError } from '../errors/describe-error';
import { logger } from '../logger';
import { LIVE_CHANNEL, parseLiveEvent, type LiveEvent } from './live-event';

/**
 * The fan-out between instances. Announcements come after the write has committed (the
 * message is in PostgreSQL first): through `pg_notify` on the change listener's connection
 * by default, through Redis pub/sub when REDIS_URL is set. Booking changes always come from
 * a PostgreSQL trigger. A lost announcement costs latency, not data: every stream catches
 * up from the database on the next event, and on reconnect.
 */
type Handlers = { onEvent: (event: LiveEvent) => void; onReset: () => void };

const REDIS_CHANNEL = 'hibachi:live';
const globalForBus = globalThis as unknown as {
  hibachiLiveBus?: { handlers?: Handlers; publisher?: Redis; subscriber?: Redis };
};
const bus = (globalForBus.hibachiLiveBus ??= {});

let lastWarning = 0;
const warn = (error: unknown, what: string) => {
  if (Date.now() - lastWarning < 30_000) return;
  lastWarning = Date.now();
  logger.warn({ error: describeError(error) }, what);
};

function redisClient(url: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  client.on('error', (error) => warn(error, 'live bus: Redis unreachable'));
  return client;
}

/** Tells every instance (this one included) about a committed change. Never throws. */
export async function announce(event: LiveEvent): Promise<void> {
  const payload = JSON.stringify(event);
  try {
    const url = getServerEnv().REDIS_URL;
    if (url) {
      bus.publisher ??= redisClient(url);
      await bus.publisher.publish(REDIS_CHANNEL, payload);
    } else {
      await getDb().$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${payload})`;
    }
  } catch (error) {
    warn(error, 'live bus: an announcement was lost; streams catch up on the next one');
  }
}

/** Registers this instance's hub (once; a dev reload replaces it). */
export function listenToLiveEvents(handlers: Handlers): void {
  const first = !bus.handlers;
  bus.handlers = handlers;
  if (!first) return;
  const deliver = (payload: string) => {
    const event = parseLiveEvent(payload);
    if (event) bus.handlers?.onEvent(event);
  };
  subscribeToChanges({
    channel: LIVE_CHANNEL,
    onChange: deliver,
    onReset: () => bus.handlers?.onReset(),
  });
  const url = getServerEnv().REDIS_URL;
  if (!url) return;
  const subscriber = (bus.subscriber = redisClient(url));
  subscriber.on('message', (_channel: string, payload: string) => deliver(payload));
  // Subscribed again after every reconnect; what was said meanwhile is caught up from PostgreSQL.
  subscriber.on('ready', () => {
    void subscriber
      .subscribe(REDIS_CHANNEL)
      .catch((error: unknown) => warn(error, 'live bus: subscribe failed'));
    bus.handlers?.onReset();
  });
}

/** Closes the Redis connections (process shutdown, tests). */
export async function stopLiveBus(): Promise<void> {
  const { publisher, subscriber } = bus;
  bus.publisher = undefined;
  bus.subscriber = undefined;
  bus.handlers = undefined;
  for (const client of [publisher, subscriber])
    if (client) await client.quit().catch(() => undefined);
}
