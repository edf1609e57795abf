// `pnpm bench:chat`: conversations live across instances. Two customer instances and the
// admin (production builds) on one seeded database; customer streams open on instance B
// (200, or 2,000 with `--streams 2000`); customers write through instance A and staff answer
// through the admin at a steady rate. Measures delivery latency from the POST to the message
// arriving on a stream of another instance (baseline: a bare pg_notify round trip in the same
// run), memory per open stream, and, after instance B is killed mid-run and started again (its
// streams reconnect to A from their last message), that no message is lost or doubled.
//
// Memory per stream is the marginal cost between stream counts (100 → 200, and 200 → N when
// more are asked for), read on B through its inspector after full garbage collections: the
// resident set (what the machine gives the instance) and V8's live heap beside it.
// `--snapshots DIR` also writes a heap snapshot of B at each count (diff them in DevTools);
// taking one costs B hundreds of MiB, so that run's RSS figures say nothing.
//
//   pnpm bench:chat [--streams 200] [--rate 20] [--duration 30] [--build] [--snapshots DIR]
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withSeededDatabase } from '../../packages/core/bench/harness';
import { findFreePort } from '../../packages/core/src/db/embedded-postgres';
import { Inspector, type MemoryReading } from './inspector';
import {
  ADMIN,
  CUSTOMER,
  adminEnv,
  customerEnv,
  ensureBuilt,
  ROOT,
  startServer,
  stopServer,
} from './servers';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const STREAMS = option('streams', 200);
const SNAPSHOTS = args.includes('--snapshots') ? args[args.indexOf('--snapshots') + 1] : undefined;
/** Stream counts at which B's memory is read: the first is the warm-up (route code loaded). */
const CHECKPOINTS = [
  ...new Set([Math.min(100, Math.floor(STREAMS / 2)), Math.min(200, STREAMS), STREAMS]),
];
const RATE = option('rate', 20);
const DURATION_S = option('duration', 30);
const TARGETS = { deliveryP95Ms: 250, memoryPerStreamKiB: 32, lost: 0, doubled: 0 };

type Client = {
  address: string;
  cookie: string;
  conversationId: string;
  lastSeq: number;
  received: number[];
  abort?: AbortController;
  connected: boolean;
};

/** The p-th percentile, rounded to 0.01 ms. */
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  return value === undefined ? NaN : Math.round(value * 100) / 100;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let addressCounter = 0;
const nextAddress = () => {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
};

/** Where a message token was sent from, and when. */
const sent = new Map<string, number>();
const latencies: { ms: number; at: number }[] = [];

/** Reads one customer stream (fetch + a small SSE parser), from `Last-Event-ID` = lastSeq. */
async function follow(client: Client, baseUrl: () => string): Promise<void> {
  for (;;) {
    const abort = new AbortController();
    client.abort = abort;
    try {
      const response = await fetch(`${baseUrl()}/api/conversations/current/events`, {
        headers: {
          Cookie: client.cookie,
          'X-Forwarded-For': client.address,
          'Last-Event-ID': String(client.lastSeq),
        },
        signal: abort.signal,
      });
      if (!response.ok || !response.body) throw new Error(`stream ${response.status}`);
      client.connected = true;
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!frame.includes('event: message')) continue;
          const id = Number(/^id: (\d+)$/m.exec(frame)?.[1]);
          const data = JSON.parse(/^data: (.*)$/m.exec(frame)?.[1] ?? '{}') as { body?: string };
          client.received.push(id);
          client.lastSeq = Math.max(client.lastSeq, id);
          const token = /bench:(\S+)/.exec(data.body ?? '')?.[1];
          const at = token ? sent.get(token) : undefined;
          if (at !== undefined) latencies.push({ ms: performance.now() - at, at });
        }
      }
    } catch {
      // the instance went away: reconnect below
    }
    client.connected = false;
    if (stopping) return;
    await sleep(200 + Math.random() * 300);
  }
}
let stopping = false;

/** A POST that retries on another instance with the same client message id (exactly once). */
async function postOnce(
  urls: string[],
  path: string,
  headers: Record<string, string>,
  body: unknown,
) {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const url = urls[attempt % urls.length]!;
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }).catch(() => undefined);
    if (response && response.status < 300) return;
    await sleep(100);
  }
  throw new Error(`could not post ${path}`);
}

/** The floor: a pg_notify from one connection heard on another, in the same run. */
async function notifyBaseline(databaseUrl: string): Promise<number[]> {
  const listener = new pg.Client({ connectionString: databaseUrl });
  const talker = new pg.Client({ connectionString: databaseUrl });
  await Promise.all([listener.connect(), talker.connect()]);
  await listener.query('LISTEN bench_baseline');
  const times: number[] = [];
  for (let index = 0; index < 200; index += 1) {
    const heard = new Promise<void>((resolve) => listener.once('notification', () => resolve()));
    const started = performance.now();
    await talker.query(`SELECT pg_notify('bench_baseline', $1)`, [String(index)]);
    await heard;
    times.push(performance.now() - started);
  }
  await Promise.all([listener.end(), talker.end()]);
  return times;
}

async function main(): Promise<void> {
  ensureBuilt(args.includes('--build'));
  if (!existsSync(path.join(ADMIN, '.next/BUILD_ID')))
    execFileSync(
      'pnpm',
      ['turbo', 'build', '--filter=@hibachi/admin', '--output-logs=errors-only'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
  await withSeededDatabase(1, async () => {
    const databaseUrl = process.env.DATABASE_URL!;
    const baseline = await notifyBaseline(databaseUrl);
    const a = await startServer(CUSTOMER, customerEnv(databaseUrl));
    // B's memory is read through its inspector (garbage collected first).
    const bInspectPort = await findFreePort();
    let b = await startServer(CUSTOMER, customerEnv(databaseUrl), [
      `--inspect=127.0.0.1:${bInspectPort}`,
    ]);
    const admin = await startServer(ADMIN, adminEnv(databaseUrl));
    try {
      const signIn = await fetch(`${admin.url}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': nextAddress() },
        body: JSON.stringify({
          email: 'staff@seattle.demo.hibachi.test',
          password: 'demo-password-123',
        }),
      });
      if (!signIn.ok) throw new Error(`staff sign-in: ${signIn.status}`);
      const staffCookie = signIn.headers
        .getSetCookie()
        .map((cookie) => cookie.split(';')[0])
        .join('; ');

      // The customers open conversations with the Seattle station, a few at a time.
      const clients: Client[] = [];
      const open = async (index: number) => {
        const address = nextAddress();
        const response = await fetch(`${a.url}/api/conversations`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
          body: JSON.stringify({
            station: 'seattle',
            name: `Bench ${index}`,
            email: `bench${index}@example.com`,
          }),
        });
        if (response.status !== 201)
          throw new Error(`open: ${response.status} ${await response.text()}`);
        const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
        const { data } = (await response.json()) as { data: { id: string } };
        clients[index] = {
          address,
          cookie,
          conversationId: data.id,
          lastSeq: 0,
          received: [],
          connected: false,
        };
      };
      for (let index = 0; index < STREAMS; index += 8)
        await Promise.all(
          Array.from({ length: Math.min(8, STREAMS - index) }, (_, offset) => open(index + offset)),
        );

      // Memory per stream is the marginal cost between two stream counts: the first count
      // also loads the route's code on B and is not counted. Streams open 100 at a time.
      // B first serves ordinary traffic, as an instance in service has: V8 grows its young
      // generation under load, and that growth must not be counted against the streams.
      for (let round = 0; round < 100; round += 1)
        await Promise.all(
          Array.from({ length: 20 }, () =>
            fetch(`${b.url}/api/stations`, { headers: { 'X-Forwarded-For': nextAddress() } }).then(
              (response) => response.arrayBuffer(),
            ),
          ),
        );
      let streamHost = () => b.url;
      const inspector = await Inspector.attach(bInspectPort);
      const following: Promise<void>[] = [];
      const readings: ({ streams: number } & MemoryReading)[] = [];
      for (const count of CHECKPOINTS) {
        for (let from = following.length; from < count; from += 100) {
          const batch = clients.slice(from, Math.min(count, from + 100));
          following.push(...batch.map((client) => follow(client, () => streamHost())));
          while (batch.some((client) => !client.connected)) await sleep(50);
        }
        await sleep(2_000);
        const reading = { streams: count, ...(await inspector.memory()) };
        readings.push(reading);
        console.log(
          `${count} streams open on B: RSS ${(reading.rssKiB / 1024).toFixed(1)} MiB, heap ${(reading.heapUsedKiB / 1024).toFixed(1)} MiB`,
        );
        if (SNAPSHOTS) {
          mkdirSync(SNAPSHOTS, { recursive: true });
          await inspector.heapSnapshot(path.join(SNAPSHOTS, `b-${count}-streams.heapsnapshot`));
        }
      }
      inspector.close();
      const perStream = readings.slice(1).map((reading, index) => {
        const base = readings[index]!;
        const streams = reading.streams - base.streams;
        const per = (key: keyof MemoryReading) =>
          Math.round(((reading[key] - base[key]) / streams) * 10) / 10;
        return {
          streams: `${base.streams} → ${reading.streams}`,
          rssKiB: per('rssKiB'),
          heapUsedKiB: per('heapUsedKiB'),
          heapTotalKiB: per('heapTotalKiB'),
          externalKiB: per('externalKiB'),
        };
      });
      console.table(perStream);

      // Steady traffic: customers through A, staff through the admin; B is killed a third
      // of the way in and started again; its streams move to A meanwhile.
      const started = performance.now();
      const total = RATE * DURATION_S;
      let outage: { from: number; to: number } | undefined;
      const posts: Promise<void>[] = [];
      for (let index = 0; index < total; index += 1) {
        const client = clients[index % clients.length]!;
        const token = `${index}-${randomUUID().slice(0, 8)}`;
        const body = { clientMessageId: randomUUID(), body: `bench:${token}` };
        sent.set(token, performance.now());
        posts.push(
          index % 2 === 0
            ? postOnce(
                [a.url],
                '/api/conversations/current/messages',
                { Cookie: client.cookie, 'X-Forwarded-For': client.address },
                body,
              )
            : postOnce(
                [admin.url],
                `/api/admin/conversations/${client.conversationId}/messages`,
                { Cookie: staffCookie },
                body,
              ),
        );
        if (index === Math.floor(total / 3)) {
          outage = { from: performance.now(), to: Infinity };
          process.kill(-b.process.pid!, 'SIGKILL');
          streamHost = () => a.url;
          void startServer(CUSTOMER, customerEnv(databaseUrl)).then((restarted) => {
            b = restarted;
            outage!.to = performance.now();
            console.log(
              `instance B back after ${((outage!.to - outage!.from) / 1000).toFixed(1)} s`,
            );
          });
        }
        await sleep(Math.max(0, started + ((index + 1) * 1000) / RATE - performance.now()));
      }
      await Promise.all(posts);
      while (outage && outage.to === Infinity) await sleep(100);
      const posted = performance.now();

      // Every stream has every message of its conversation exactly once, in order. Streams
      // that moved to A may still be catching up: they get 30 s before what is missing counts
      // as lost.
      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      const { rows } = await db.query<{ id: string; last: number }>(
        `SELECT id, "lastSeq" AS last FROM "Conversation" WHERE id = ANY($1::uuid[])`,
        [clients.map((client) => client.conversationId)],
      );
      await db.end();
      const lastOf = new Map(rows.map((row) => [row.id, row.last]));
      const behind = () =>
        clients.filter((client) => client.lastSeq < (lastOf.get(client.conversationId) ?? 0));
      await sleep(1_000);
      while (behind().length > 0 && performance.now() - posted < 30_000) await sleep(200);
      const settledSeconds = Math.round((performance.now() - posted) / 100) / 10;
      let lost = 0;
      let doubled = 0;
      for (const client of clients) {
        const last = lastOf.get(client.conversationId) ?? 0;
        const seen = new Set(client.received);
        doubled += client.received.length - seen.size;
        for (let seq = 1; seq <= last; seq += 1) if (!seen.has(seq)) lost += 1;
      }
      if (lost > 0)
        console.log(
          `behind after 30 s: ${behind().length} streams, ${clients.filter((client) => !client.connected).length} not connected`,
        );
      stopping = true;
      clients.forEach((client) => client.abort?.abort());
      await Promise.allSettled(following);

      const steady = latencies
        .filter((entry) => !outage || entry.at < outage.from)
        .map((entry) => entry.ms);
      const all = latencies.map((entry) => entry.ms);
      const result = {
        at: new Date().toISOString(),
        machine: { cpus: os.cpus().length, node: process.version },
        streams: STREAMS,
        ratePerSecond: RATE,
        messages: total,
        deliveredLatencyMs: {
          beforeKill: {
            p50: percentile(steady, 50),
            p95: percentile(steady, 95),
            count: steady.length,
          },
          wholeRun: { p50: percentile(all, 50), p95: percentile(all, 95), count: all.length },
        },
        baselineNotifyMs: { p50: percentile(baseline, 50), p95: percentile(baseline, 95) },
        memoryPerStreamKiB: Math.max(...perStream.map((step) => step.rssKiB)),
        memory: { perStream, readings },
        lost,
        doubled,
        outageSeconds: outage ? Math.round((outage.to - outage.from) / 100) / 10 : 0,
        /** From the last post (and B back) until every stream had its conversation's last message. */
        settledSeconds,
        targets: TARGETS,
      };
      console.table({
        'delivery before the kill': result.deliveredLatencyMs.beforeKill,
        'delivery, whole run': result.deliveredLatencyMs.wholeRun,
        'baseline pg_notify round trip': result.baselineNotifyMs,
      });
      console.log(
        `memory per open stream (RSS, the larger step): ${result.memoryPerStreamKiB} KiB; lost ${lost}, doubled ${doubled}`,
      );
      const resultsDir = path.join(import.meta.dirname, 'results');
      mkdirSync(resultsDir, { recursive: true });
      writeFileSync(
        path.join(resultsDir, 'chat-bench.json'),
        `${JSON.stringify(result, null, 2)}\n`,
      );
      const missed = [
        result.deliveredLatencyMs.beforeKill.p95 > TARGETS.deliveryP95Ms && 'delivery p95',
        result.memoryPerStreamKiB > TARGETS.memoryPerStreamKiB && 'memory per stream',
        lost > 0 && 'lost messages',
        doubled > 0 && 'doubled messages',
      ].filter(Boolean);
      if (missed.length > 0) {
        console.error(`missed: ${missed.join(', ')}`);
        process.exitCode = 1;
      }
    } finally {
      stopping = true;
      for (const server of [a, b, admin]) stopServer(server);
    }
  });
}

await main();
