#!/usr/bin/env node
// After `next build` with `output: 'standalone'`: copies the browser assets (.next/static,
// and public/ when there is one) into the standalone tree, which Next leaves out, so that
// .next/standalone alone is the deployable an instance runs from (packages/web/serve.mjs,
// working directory .next/standalone/apps/APP). Run from the app's folder.
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';

const app = process.cwd();
const target = path.join(app, '.next/standalone', path.relative(path.resolve(app, '../..'), app));
if (!existsSync(target)) {
  process.stderr.write(`no standalone build at ${target}\n`);
  process.exit(1);
}
cpSync(path.join(app, '.next/static'), path.join(target, '.next/static'), { recursive: true });
if (existsSync(path.join(app, 'public')))
  cpSync(path.join(app, 'public'), path.join(target, 'public'), { recursive: true });
