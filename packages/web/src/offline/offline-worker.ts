/// <reference lib="webworker" />
// The service worker of both apps (bundled per app by build-worker.mjs into public/sw.js).
// It keeps the pages an app lists for offline use, and the reads they make, as last seen
// online (network first), and the build's static files they load (cache first). Everything
// else, and every request that is not a GET, goes to the network untouched: no write is
// ever cached, queued or replayed.
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist } from 'serwist';

declare const self: ServiceWorkerGlobalScope;
/** Path patterns (RegExp sources) this app keeps offline, set when the worker is bundled. */
declare const OFFLINE_PAGES: string[];
declare const OFFLINE_READS: string[];

// The build the page registered the worker for (`/sw.js?v=…`): each build is a new worker,
// and its caches are its own.
const version = new URL(self.location.href).searchParams.get('v') ?? 'unversioned';
const CACHE_PREFIX = 'hibachi-';
const cacheName = (kind: string) => `${CACHE_PREFIX}${kind}-${version}`;
const pages = OFFLINE_PAGES.map((source) => new RegExp(source));
const reads = OFFLINE_READS.map((source) => new RegExp(source));
const DAY = 24 * 60 * 60;

const serwist = new Serwist({
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      // The page itself (a navigation, or the page asking for its own URL to be kept).
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin &&
        request.method === 'GET' &&
        !request.headers.has('RSC') &&
        pages.some((page) => page.test(url.pathname)),
      handler: new NetworkFirst({
        cacheName: cacheName('pages'),
        networkTimeoutSeconds: 6,
        plugins: [new ExpirationPlugin({ maxEntries: 20, maxAgeSeconds: 30 * DAY })],
      }),
    },
    {
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin && request.method === 'GET' && reads.some((read) => read.test(url.pathname)),
      handler: new NetworkFirst({
        cacheName: cacheName('reads'),
        networkTimeoutSeconds: 6,
        plugins: [new ExpirationPlugin({ maxEntries: 40, maxAgeSeconds: 30 * DAY })],
      }),
    },
    {
      // Hashed file names: a name's content never changes.
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin && request.method === 'GET' && url.pathname.startsWith('/_next/static/'),
      handler: new CacheFirst({
        cacheName: cacheName('static'),
        plugins: [new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 60 * DAY })],
      }),
    },
  ],
});

// A new build's worker removes what earlier builds kept.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(CACHE_PREFIX) && !name.endsWith(`-${version}`))
            .map((name) => caches.delete(name)),
        ),
      ),
  );
});

serwist.addEventListeners();
