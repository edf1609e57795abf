import pg from 'pg';
import { getDb } from '../db/client';
import { getServerEnv } from '../env';
import type { Station } from '../generated/prisma/client';
import { logger } from '../logger';

/**
 * The active stations, cached in each app instance for the customer reads that need them
 * on every request (the station list, availability, the date picker, quotes). Stations
 * change only when staff edit one: a trigger calls `pg_notify('station_changed')` in the
 * writing transaction, and every instance listening drops its copy when it commits. While
 * the listener is not connected nothing is cached (every read goes to the database), and a
 * copy is never kept longer than MAX_AGE_MS in case a notification is lost in a reconnect.
 * Writes (booking creation) read the station row themselves.
 */
const CHANNEL = 'station_changed';
const MAX_AGE_MS = 60_000;
const RECONNECT_MS = 5_000;

type Snapshot = { loadedAt: number; stations: Station[]; bySlug: Map<string, Station> };
type CacheState = {
  /** Only app servers cache (see enableStationCache); scripts and tests read the database. */
  enabled: boolean;
  snapshot?: Promise<Snapshot>;
  listener?: pg.Client;
  listening: boolean;
  connecting: boolean;
  stopped: boolean;
};

const globalForCache = globalThis as unknown as { hibachiStationCache?: CacheState };
const state = (globalForCache.hibachiStationCache ??= {
  enabled: false,
  listening: false,
  connecting: false,
  stopped: false,
});

/** Forget the cached stations (a notification, a lost listener, or a test). */
export function invalidateStationCache(): void {
  state.snapshot = undefined;
}

async function load(): Promise<Snapshot> {
  const stations = await getDb().station.findMany({
    where: { active: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return {
    loadedAt: Date.now(),
    stations,
    bySlug: new Map(stations.map((station) => [station.slug, station])),
  };
}

function listen(): void {
  if (state.listening || state.connecting || state.stopped) return;
  state.connecting = true;
  const client = new pg.Client({ connectionString: getServerEnv().DATABASE_URL });
  const lost = (error?: Error) => {
    if (state.listener !== client) return;
    state.listener = undefined;
    state.listening = false;
    invalidateStationCache();
    void client.end().catch(() => undefined);
    if (error)
      logger.warn({ code: (error as NodeJS.ErrnoException).code }, 'station listener lost');
    if (!state.stopped) setTimeout(listen, RECONNECT_MS).unref();
  };
  client.on('notification', (message) => {
    if (message.channel === CHANNEL) invalidateStationCache();
  });
  client.on('error', lost);
  client.on('end', () => lost());
  state.listener = client;
  client
    .connect()
    .then(() => client.query(`LISTEN ${CHANNEL}`))
    .then(() => {
      state.connecting = false;
      state.listening = true;
      // Anything cached before the listener was up may have missed a change.
      invalidateStationCache();
    })
    .catch((error: Error) => {
      state.connecting = false;
      lost(error);
    });
}

/** Turns caching on for this process (an app server) and starts listening for changes. */
export function enableStationCache(): void {
  state.enabled = true;
  state.stopped = false;
  listen();
}

/** The cached snapshot, or undefined when this process does not cache right now. */
async function snapshot(): Promise<Snapshot | undefined> {
  if (!state.enabled) return undefined;
  listen();
  if (!state.listening) return undefined;
  const current = state.snapshot;
  if (current) {
    const value = await current.catch(() => undefined);
    if (value && Date.now() - value.loadedAt < MAX_AGE_MS) return value;
    if (state.snapshot === current) state.snapshot = undefined;
  }
  // A notification while this loads clears `state.snapshot`, so rows read before a change
  // are answered to this caller at most, never kept.
  const loading = load();
  state.snapshot = loading;
  return loading;
}

/** Active stations, alphabetical (cached as above). */
export async function cachedActiveStations(): Promise<Station[]> {
  return (await snapshot())?.stations ?? (await load()).stations;
}

/** One active station by slug, or undefined (cached as above). */
export async function cachedActiveStation(slug: string): Promise<Station | undefined> {
  const cached = await snapshot();
  if (cached) return cached.bySlug.get(slug);
  const station = await getDb().station.findUnique({ where: { slug } });
  return station?.active ? station : undefined;
}

/** Closes the listener (process shutdown, tests). */
export async function stopStationCache(): Promise<void> {
  state.stopped = true;
  const client = state.listener;
  state.listener = undefined;
  state.listening = false;
  invalidateStationCache();
  await client?.end().catch(() => undefined);
}

/** Whether changes reach this instance now (for tests and diagnostics). */
export function stationCacheListening(): boolean {
  return state.listening;
}
