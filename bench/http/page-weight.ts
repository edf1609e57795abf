// `pnpm bench:weight`: the JavaScript a browser downloads on a first visit (gzip) to the
// customer pages, against the framework floor measured in the same run from the bare Next.js
// app (bench/bare-next: one client page). Prints the figures, writes
// results/page-weight.json, exits 1 past the targets of issue 10.
//
//   pnpm bench:weight [--build]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { withSeededDatabase } from '../../packages/core/bench/harness';
import { BARE, CUSTOMER, customerEnv, ensureBuilt, startServer, stopServer } from './servers';

/** Extra kB (gzip) each page may ship over the floor. */
const TARGETS_KB: Record<string, number> = { '/': 10, '/book/chicago': 35, '/manage': 20 };

/** Sum of the gzip sizes of the scripts a page's HTML loads (each file once). */
async function firstLoadKb(baseUrl: string, page: string): Promise<{ kb: number; files: number }> {
  const html = await (await fetch(`${baseUrl}${page}`)).text();
  const sources = new Set(
    [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map(([, src]) => src!),
  );
  let bytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, baseUrl))).arrayBuffer());
    const gzip = gzipSync(body).length;
    bytes += gzip;
    if (process.argv.includes('--files'))
      console.log(`${page.padEnd(16)} ${(gzip / 1024).toFixed(1).padStart(6)} kB  ${source}`);
  }
  return { kb: bytes / 1024, files: sources.size };
}

ensureBuilt(process.argv.includes('--build'));
const results: {
  page: string;
  kb: number;
  files: number;
  overFloorKb: number;
  targetKb?: number;
}[] = [];
let failed = false;
await withSeededDatabase(1, async () => {
  const bare = await startServer(BARE, {});
  const customer = await startServer(CUSTOMER, customerEnv(process.env.DATABASE_URL!));
  try {
    const floor = await firstLoadKb(bare.url, '/');
    results.push({ page: 'bare Next.js client page (floor)', ...floor, overFloorKb: 0 });
    for (const [page, target] of Object.entries(TARGETS_KB)) {
      const measured = await firstLoadKb(customer.url, page);
      const overFloorKb = measured.kb - floor.kb;
      results.push({ page, ...measured, overFloorKb, targetKb: target });
      if (overFloorKb > target) failed = true;
    }
  } finally {
    stopServer(bare);
    stopServer(customer);
  }
});

console.log(
  `\n${'page'.padEnd(36)} ${'files'.padStart(5)} ${'gzip kB'.padStart(8)} ${'over floor'.padStart(11)} ${'target'.padStart(7)}`,
);
for (const row of results)
  console.log(
    `${row.page.padEnd(36)} ${String(row.files).padStart(5)} ${row.kb.toFixed(1).padStart(8)} ${row.overFloorKb.toFixed(1).padStart(11)} ${(row.targetKb === undefined ? '' : `+${row.targetKb}`).padStart(7)}`,
  );
const resultsDir = path.join(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  path.join(resultsDir, 'page-weight.json'),
  `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`,
);
if (failed) {
  console.log('\nPAST TARGET: a page ships more than its allowance over the framework floor');
  process.exit(1);
}
console.log('\nall pages within their allowance');
process.exit(0);
