import { changesListening, subscribeToChanges } from '../db/change-listener';
import { getDb } from '../db/client';
import type { MenuItem, Prisma, Station, TravelZone } from '../generated/prisma/client';

/**
 * The active stations, cached in each app server for the customer reads that need them on
 * every request (the station list, availability, the date picker, quotes). Stations change
 * only when staff edit one: a trigger calls `pg_notify('station_changed')` in the writing
 * transaction, and every instance listening (db/change-listener) drops its copy when it
 * commits. While the listener is not connected nothing is cached (every read goes to the
 * database), and a copy is never kept longer than MAX_AGE_MS in case a notification is lost
 * in a reconnect. Booking creation uses the copy too: its statement checks the row's version
 * and `active` against it, and reads the row afresh when the copy is stale.
 */
const MAX_AGE_MS = 60_000;

/** A station with its menu (every item, active or not) and travel zones, as quotes need it. */
export type StationWithMenu = Station & { menuItems: MenuItem[]; travelZones: TravelZone[] };

/** What loading a station reads with it. */
export const WITH_MENU = {
  menuItems: { orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] },
  travelZones: { orderBy: { prefix: 'asc' } },
} satisfies Prisma.StationInclude;

type Snapshot = {
  loadedAt: number;
  stations: StationWithMenu[];
  bySlug: Map<string, StationWithMenu>;
};

const globalForCache = globalThis as unknown as {
  hibachiStationCache?: { snapshot?: Promise<Snapshot> };
};
const state = (globalForCache.hibachiStationCache ??= {});

/** Forget the cached stations (a notification, a lost listener, or a test). */
export function invalidateStationCache(): void {
  state.snapshot = undefined;
}

async function load(): Promise<Snapshot> {
  const stations = await getDb().station.findMany({
    where: { active: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    include: WITH_MENU,
  });
  return {
    loadedAt: Date.now(),
    stations,
    bySlug: new Map(stations.map((station) => [station.slug, station])),
  };
}

subscribeToChanges({
  channel: 'station_changed',
  onChange: invalidateStationCache,
  onReset: invalidateStationCache,
});

/** The cached snapshot, or undefined when this process does not cache right now. */
async function snapshot(): Promise<Snapshot | undefined> {
  if (!changesListening()) return undefined;
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
export async function cachedActiveStations(): Promise<StationWithMenu[]> {
  return (await snapshot())?.stations ?? (await load()).stations;
}

/** One active station by slug, or undefined (cached as above). */
export async function cachedActiveStation(slug: string): Promise<StationWithMenu | undefined> {
  const cached = await snapshot();
  if (cached) return cached.bySlug.get(slug);
  const station = await getDb().station.findUnique({ where: { slug }, include: WITH_MENU });
  return station?.active ? station : undefined;
}
