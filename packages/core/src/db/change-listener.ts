import pg from 'pg';
import { getServerEnv } from '../env';
import { logger } from '../logger';

/**
 * One LISTEN connection per app server for the caches of customer reads. Triggers call
 * `pg_notify(channel, payload)` in the writing transaction; listeners hear it when that
 * transaction commits, on every instance. A cache registers a channel and a handler for its
 * payloads; `onReset` runs whenever changes may have been missed (the listener connected,
 * was lost or stopped), so a cache must then forget everything. While the listener is not
 * connected, `changesListening()` is false and caches must not keep anything.
 */
const RECONNECT_MS = 5_000;

type Subscription = { channel: string; onChange: (payload: string) => void; onReset: () => void };
type ListenerState = {
  enabled: boolean;
  stopped: boolean;
  connecting: boolean;
  listening: boolean;
  client?: pg.Client;
  subscriptions: Subscription[];
};

const globalForListener = globalThis as unknown as { hibachiChangeListener?: ListenerState };
const state = (globalForListener.hibachiChangeListener ??= {
  enabled: false,
  stopped: false,
  connecting: false,
  listening: false,
  subscriptions: [],
});

const resetAll = () => state.subscriptions.forEach((subscription) => subscription.onReset());

/** Registers a cache's channel (idempotent per channel: a dev reload replaces the handler). */
export function subscribeToChanges(subscription: Subscription): void {
  state.subscriptions = [
    ...state.subscriptions.filter((other) => other.channel !== subscription.channel),
    subscription,
  ];
  // Also while connecting: LISTEN twice is harmless, missing a channel is not.
  if (state.client) void listenOn(state.client, [subscription.channel]).catch(() => undefined);
}

/** LISTEN statements one after another: a pg client runs one query at a time. */
let pending: Promise<unknown> = Promise.resolve();
function listenOn(client: pg.Client, channels: string[]): Promise<unknown> {
  const run = pending.then(() =>
    channels.length > 0
      ? client.query(channels.map((channel) => `LISTEN ${channel};`).join(' '))
      : undefined,
  );
  pending = run.catch(() => undefined);
  return run;
}

function connect(): void {
  if (!state.enabled || state.listening || state.connecting || state.stopped) return;
  state.connecting = true;
  const client = new pg.Client({ connectionString: getServerEnv().DATABASE_URL });
  const lost = (error?: Error) => {
    if (state.client !== client) return;
    state.client = undefined;
    state.listening = false;
    resetAll();
    void client.end().catch(() => undefined);
    if (error) logger.warn({ code: (error as NodeJS.ErrnoException).code }, 'change listener lost');
    if (!state.stopped) setTimeout(connect, RECONNECT_MS).unref();
  };
  client.on('notification', (message) => {
    state.subscriptions
      .find((subscription) => subscription.channel === message.channel)
      ?.onChange(message.payload ?? '');
  });
  client.on('error', lost);
  client.on('end', () => lost());
  state.client = client;
  client
    .connect()
    .then(() =>
      listenOn(
        client,
        state.subscriptions.map(({ channel }) => channel),
      ),
    )
    .then(() => {
      state.connecting = false;
      state.listening = true;
      // Anything cached before the listener was up may have missed a change.
      resetAll();
    })
    .catch((error: Error) => {
      state.connecting = false;
      lost(error);
    });
}

/** Turns the listener on for this process (an app server; scripts and tests read the database). */
export function startChangeListener(): void {
  state.enabled = true;
  state.stopped = false;
  connect();
}

/** Whether changes reach this instance now; reconnects if it should and is not connected. */
export function changesListening(): boolean {
  if (state.enabled && !state.listening) connect();
  return state.listening;
}

/** Closes the listener (process shutdown, tests); caches forget everything. */
export async function stopChangeListener(): Promise<void> {
  state.stopped = true;
  const client = state.client;
  state.client = undefined;
  state.listening = false;
  resetAll();
  await client?.end().catch(() => undefined);
}
