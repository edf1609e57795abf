import 'server-only';
import { AppError } from '../errors/app-error';
import { listenToLiveEvents } from './live-bus';
import type { LiveEvent } from './live-event';

/**
 * This instance's open event streams (customer widgets, admin screens) and what reaches
 * them. One bus subscription for the process; each stream says which events it wants and
 * what to do with them. Streams are limited per client address (customers) or per staff
 * member, and per instance, so one client cannot hold hundreds; on shutdown every stream is
 * ended with a short retry, and the clients reconnect (to another instance behind a balancer).
 */
export type LiveStream = {
  /** Whose streams are counted together against the limit. */
  owner: string;
  wants: (event: LiveEvent) => boolean;
  handle: (event: LiveEvent) => void;
  /** Events may have been missed (the bus reconnected): catch up from the database. */
  reset: () => void;
  heartbeat: () => void;
  /** Ends the stream (server shutdown). */
  end: () => void;
};

export const STREAM_LIMITS = { perOwner: 6, perInstance: 4_000 } as const;
const HEARTBEAT_MS = 20_000;

type HubState = { streams: Set<LiveStream>; timer?: NodeJS.Timeout; closing: boolean };
const globalForHub = globalThis as unknown as { hibachiLiveHub?: HubState };
const hub = (globalForHub.hibachiLiveHub ??= { streams: new Set(), closing: false });

function ensureListening(): void {
  listenToLiveEvents({
    onEvent: (event) => {
      for (const stream of hub.streams) if (stream.wants(event)) stream.handle(event);
    },
    onReset: () => hub.streams.forEach((stream) => stream.reset()),
  });
  hub.timer ??= setInterval(
    () => hub.streams.forEach((stream) => stream.heartbeat()),
    HEARTBEAT_MS,
  ).unref();
}

/** Adds a stream, or refuses (429 over the owner's limit, 503 over the instance's or while closing). */
export function addStream(stream: LiveStream): () => void {
  if (hub.closing || hub.streams.size >= STREAM_LIMITS.perInstance)
    throw new AppError('UNAVAILABLE', 'Live updates are busy here; retrying shortly.', {
      headers: { 'Retry-After': '2' },
    });
  let owned = 0;
  for (const other of hub.streams) if (other.owner === stream.owner) owned += 1;
  if (owned >= STREAM_LIMITS.perOwner)
    throw new AppError('RATE_LIMITED', 'Too many open live connections. Close a tab and retry.', {
      details: { retryAfterSeconds: 10 },
      headers: { 'Retry-After': '10' },
    });
  ensureListening();
  hub.streams.add(stream);
  return () => hub.streams.delete(stream);
}

export function openStreamCount(): number {
  return hub.streams.size;
}

/** Shutdown: no new streams, and every open one ended (clients reconnect elsewhere). */
export function closeLiveStreams(): void {
  hub.closing = true;
  for (const stream of [...hub.streams]) stream.end();
  hub.streams.clear();
}

/** Tests: accept streams again after closeLiveStreams. */
export function reopenLiveHub(): void {
  hub.closing = false;
}
