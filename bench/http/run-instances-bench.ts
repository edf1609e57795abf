// `pnpm bench:instances`: how many customer instances a machine wants. The production build
// behind real nginx (deploy/nginx/render-config.mjs) on a seeded database, with 1, 2 and 3
// instances in turn: availability and quotes at 50 connections through nginx, in alternating
// rounds, every request from its own address. Prints req/s and p95 per instance count and
// the machine's cores; writes results/instances-bench.json.
//
//   pnpm bench:instances [--duration 8] [--rounds 2]
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { findFreePort } from '../../packages/core/src/db/embedded-postgres';
import { withSeededDatabase } from '../../packages/core/bench/harness';
import { CUSTOMER, customerEnv, ROOT, startServer, stopServer, type Server } from './servers';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const DURATION = option('duration', 8);
const ROUNDS = option('rounds', 2);
const COUNTS = [1, 2, 3];

let address = 0;
const nextAddress = () => {
  address += 1;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};

async function drive(base: string, path: string, body?: string) {
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: 50,
        duration: DURATION,
        requests: [
          {
            method: body ? 'POST' : 'GET',
            setupRequest: (request) => ({
              ...request,
              path,
              headers: {
                ...request.headers,
                'x-forwarded-for': nextAddress(),
                ...(body ? { 'content-type': 'application/json' } : {}),
              },
              ...(body ? { body } : {}),
            }),
          },
        ],
      },
      (error, finished) => (error ? reject(error as Error) : resolve(finished)),
    );
  });
  return { reqPerSec: Math.round(result.requests.average), p95: result.latency.p97_5 };
}

await withSeededDatabase(1, async () => {
  const databaseUrl = process.env.DATABASE_URL!;
  const servers: Server[] = [];
  for (const _ of COUNTS) servers.push(await startServer(CUSTOMER, customerEnv(databaseUrl)));
  const nginxDir = mkdtempSync(path.join(os.tmpdir(), 'hibachi-instances-'));
  const front = await findFreePort();
  const rows: Record<string, unknown>[] = [];
  try {
    for (const count of COUNTS) {
      const ports = servers.slice(0, count).map((server) => new URL(server.url).port);
      mkdirSync(nginxDir, { recursive: true });
      const conf = path.join(nginxDir, `nginx-${count}.conf`);
      writeFileSync(
        conf,
        execFileSync(process.execPath, [
          path.join(ROOT, 'deploy/nginx/render-config.mjs'),
          '--customer',
          ports.join(','),
          '--admin',
          ports[0]!,
          '--listen',
          String(front),
          '--admin-listen',
          String(await findFreePort()),
          '--prefix',
          nginxDir,
          '--forwarded',
          'append',
          '--standalone',
        ]),
      );
      const nginx = spawn('nginx', ['-c', conf, '-p', nginxDir, '-g', 'daemon off;'], {
        stdio: 'ignore',
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const base = `http://127.0.0.1:${front}`;
      const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      const figures = { availability: [] as number[], quote: [] as number[], p95: [] as number[] };
      for (let round = 0; round < ROUNDS; round += 1) {
        const a = await drive(base, `/api/availability?station=seattle&date=${date}`);
        const q = await drive(
          base,
          '/api/quotes',
          JSON.stringify({ station: 'seattle', adults: 8, children: 1 }),
        );
        figures.availability.push(a.reqPerSec);
        figures.quote.push(q.reqPerSec);
        figures.p95.push(a.p95, q.p95);
      }
      nginx.kill('SIGQUIT');
      await new Promise((resolve) => nginx.once('exit', resolve));
      const median = (values: number[]) =>
        [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
      rows.push({
        instances: count,
        'availability req/s': median(figures.availability),
        'quote req/s': median(figures.quote),
        'p97.5 ms (worst round)': Math.max(...figures.p95),
      });
    }
  } finally {
    servers.forEach(stopServer);
  }
  console.table(rows);
  console.log(`${os.cpus().length} cores; nginx and the load generator share them`);
  const results = path.join(import.meta.dirname, 'results');
  mkdirSync(results, { recursive: true });
  writeFileSync(
    path.join(results, 'instances-bench.json'),
    `${JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, rows }, null, 2)}\n`,
  );
});
