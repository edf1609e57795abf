import { changesListening, subscribeToChanges } from '../db/change-listener';

/**
 * Each app server keeps recent availability answers (free chefs per start time of a day, open
 * start times of a date-picker span) per station, because customers ask the same few dates
 * over and over. A trigger notifies `availability_changed` with the station id whenever a
 * booking takes, moves or releases a chef, or a chef joins or leaves (migration
 * 20261129000000); every instance then drops that station's answers. A hold that lapses
 * changes no row until the sweep marks it, yet frees its chef at once: so an answer that
 * counted unpaid holds is kept only until the first of them lapses (the loader says when).
 * Between a commit and its notification another customer may still see the time free; the
 * booking's exclusion constraint refuses it then (409 SLOT_TAKEN). Nothing is kept while the
 * listener is down, and nothing longer than MAX_AGE_MS in any case: a safety net for a change
 * made with triggers off (a restore, a manual fix), not a part of the rule.
 */
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 5_000;

type Entry = { until: number; value: Promise<unknown> };
type CacheState = { byStation: Map<string, Map<string, Entry>>; entries: number };

const globalForCache = globalThis as unknown as { hibachiAvailabilityCache?: CacheState };
const state = (globalForCache.hibachiAvailabilityCache ??= {
  byStation: new Map<string, Map<string, Entry>>(),
  entries: 0,
});

/** Forgets one station's answers, or every station's when `stationId` is empty. */
export function invalidateAvailability(stationId = ''): void {
  if (!stationId) {
    state.byStation.clear();
    state.entries = 0;
    return;
  }
  state.entries -= state.byStation.get(stationId)?.size ?? 0;
  state.byStation.delete(stationId);
}

subscribeToChanges({
  channel: 'availability_changed',
  onChange: (stationId) => invalidateAvailability(stationId),
  onReset: () => invalidateAvailability(),
});

/**
 * The answer for `key` of the station from memory, or `load()`ed and kept until its
 * `holdsLapseAt` (epoch ms; null: no hold counted). The pending load is stored before its
 * query runs, so a change notified from then on drops it: an answer read before a change
 * reaches at most the callers already waiting for it.
 */
export function cachedAvailability<T extends { holdsLapseAt: number | null }>(
  stationId: string,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  if (!changesListening()) return load();
  const entries = state.byStation.get(stationId);
  const hit = entries?.get(key);
  if (hit && Date.now() < hit.until) return hit.value as Promise<T>;
  if (state.entries >= MAX_ENTRIES) invalidateAvailability();
  const value = load();
  const entry: Entry = { until: Date.now() + MAX_AGE_MS, value };
  const stationEntries = state.byStation.get(stationId) ?? new Map<string, Entry>();
  state.byStation.set(stationId, stationEntries);
  if (!stationEntries.has(key)) state.entries += 1;
  stationEntries.set(key, entry);
  value.then(
    ({ holdsLapseAt }) => {
      if (holdsLapseAt !== null) entry.until = Math.min(entry.until, holdsLapseAt);
    },
    () => {
      if (stationEntries.get(key) === entry) {
        stationEntries.delete(key);
        state.entries -= 1;
      }
    },
  );
  return value;
}
