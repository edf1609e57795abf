#!/usr/bin/env node
// Bundles the offline service worker (src/offline/offline-worker.ts, on Serwist) for one app
// into its public/sw.js, with the app's offline pages and reads. Run from the app's folder,
// before `next build` (public/ is copied into the standalone build afterwards).
//
//   node ../../packages/web/build-worker.mjs --pages '^/manage/[^/]+$' --reads '^/api/bookings/[^/]+$'
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values } = parseArgs({
  options: { pages: { type: 'string', multiple: true }, reads: { type: 'string', multiple: true } },
});
const outdir = path.join(process.cwd(), 'public');
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: [path.join(import.meta.dirname, 'src/offline/offline-worker.ts')],
  outfile: path.join(outdir, 'sw.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2022',
  platform: 'browser',
  logLevel: 'warning',
  define: {
    'process.env.NODE_ENV': '"production"',
    OFFLINE_PAGES: JSON.stringify(values.pages ?? []),
    OFFLINE_READS: JSON.stringify(values.reads ?? []),
  },
});
