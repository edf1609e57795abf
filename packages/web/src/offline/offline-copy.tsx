'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { offlineWorkerVersion } from '../browser-start';
import { formatInstant } from '../format';

const CACHE_PREFIX = 'hibachi-';
const SAVED_PREFIX = 'hibachi-offline:';

/**
 * Registers the app's service worker (production builds: `/sw.js?v=<build>`, so each deploy
 * installs a new worker that drops the last one's caches), then asks it to keep what this
 * page loaded before the worker controlled it: the page, its scripts and its reads.
 */
function registerOfflineWorker(): void {
  const version = offlineWorkerVersion();
  if (!version || !('serviceWorker' in navigator)) return;
  void navigator.serviceWorker
    .register(`/sw.js?v=${encodeURIComponent(version)}`, { scope: '/' })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const urls = [
        window.location.href,
        ...performance.getEntriesByType('resource').map((entry) => entry.name),
      ].filter((url) => new URL(url).origin === window.location.origin);
      registration.active?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: urls } });
    })
    .catch(() => {
      // No worker (private mode, a refused registration): the page simply works online only.
    });
}

/**
 * Removes every offline copy on this device, and the worker that keeps them (sign-out: the
 * next person sees nothing; the worker comes back on the next offline page).
 */
export async function clearOfflineCopies(): Promise<void> {
  if ('serviceWorker' in navigator) {
    const registrations = await navigator.serviceWorker.getRegistrations();
    await Promise.all(registrations.map((registration) => registration.unregister()));
  }
  for (const key of Object.keys(localStorage))
    if (key.startsWith(SAVED_PREFIX)) localStorage.removeItem(key);
  if (!('caches' in window)) return;
  const names = await caches.keys();
  await Promise.all(
    names.filter((name) => name.startsWith(CACHE_PREFIX)).map((name) => caches.delete(name)),
  );
}

const subscribe = (changed: () => void) => {
  window.addEventListener('online', changed);
  window.addEventListener('offline', changed);
  return () => {
    window.removeEventListener('online', changed);
    window.removeEventListener('offline', changed);
  };
};

/**
 * A page that opens without a network once opened: registers the worker, remembers when its
 * data last came from the server (`loadedAt`, while online), and while offline says so, with
 * that time. Writes still go to the network and fail with their own message when it is away.
 */
export function OfflineCopy({
  storageKey,
  loadedAt,
  what,
}: {
  storageKey: string;
  loadedAt: number;
  what: string;
}) {
  const online = useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
  useEffect(registerOfflineWorker, []);
  useEffect(() => {
    if (online && loadedAt > 0) localStorage.setItem(SAVED_PREFIX + storageKey, String(loadedAt));
  }, [online, loadedAt, storageKey]);
  if (online) return null;
  const saved = Number(localStorage.getItem(SAVED_PREFIX + storageKey));
  return (
    <p className="notice offline-notice" role="status">
      <strong>You are offline.</strong> This is {what}
      {saved > 0
        ? ` as last updated ${formatInstant(new Date(saved).toISOString(), Intl.DateTimeFormat().resolvedOptions().timeZone)}`
        : ''}
      . Changes need a connection.
    </p>
  );
}
