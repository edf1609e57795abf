#!/usr/bin/env node
// The production server of both apps (`pnpm start` in apps/customer and apps/admin): Next.js's
// request handler on an http server of our own, so that SIGTERM drains without failing a
// request behind a balancer. On SIGTERM:
//   1. /api/health/ready answers 503 at once (the balancer and the deploy script see it);
//   2. every answer carries `Connection: close`, so no kept-alive connection is left for the
//      balancer to reuse just as it closes; new requests are still served for
//      SHUTDOWN_DRAIN_MS (default 6 s: longer than nginx's 4 s upstream keepalive_timeout, so
//      the balancer has closed its idle connections itself by then);
//   3. the listener closes (new connections are refused: nginx retries them elsewhere, POSTs
//      included, since nothing was sent), what is in flight finishes, and the process exits.
// The app's own shutdown hooks (background jobs, live streams) run from the same SIGTERM.
// Routes the app registered in `hibachiServer.directRoutes` (its live streams) are answered
// here without Next.js's per-request pipeline, which would hold its state per open stream.
//
//   node ../../packages/web/serve.mjs [--port 3000] [--hostname 0.0.0.0]   (cwd: the app)
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import path from 'node:path';

const args = process.argv.slice(2);
/** The last `--name value` wins (scripts append their own `--port`). */
const option = (name) => {
  const index = args.lastIndexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const port = Number(option('port') ?? process.env.PORT ?? 3000);
const hostname = option('hostname') ?? process.env.HOSTNAME ?? '0.0.0.0';
const drainMs = Number(process.env.SHUTDOWN_DRAIN_MS ?? 6_000);
const dir = process.cwd();

// A standalone build (`output: 'standalone'`: .next/standalone/apps/APP, no next.config)
// carries its configuration in required-server-files.json, as its own server.js passes it.
const standaloneConfig = (() => {
  if (['ts', 'js', 'mjs'].some((ext) => existsSync(path.join(dir, `next.config.${ext}`))))
    return undefined;
  const file = path.join(dir, '.next/required-server-files.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).config : undefined;
})();
if (standaloneConfig)
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(standaloneConfig);

// The app's own Next.js (resolved from the app, not from this file).
const next = createRequire(path.join(dir, 'package.json'))('next');
const app = next({
  dev: false,
  dir,
  hostname,
  port,
  ...(standaloneConfig ? { conf: standaloneConfig } : {}),
});
const handle = app.getRequestHandler();
await app.prepare();

// Registered by the app's instrumentation (@hibachi/core/live `serveDirectly`, decision 25).
const state = (globalThis.hibachiServer ??= { draining: false });
const server = http.createServer((request, response) => {
  if (state.draining) response.setHeader('Connection', 'close');
  const direct =
    request.method === 'GET' ? state.directRoutes?.get(request.url?.split('?')[0]) : undefined;
  if (direct?.(request, response)) return;
  void handle(request, response);
});
// Longer than a balancer's idle timeout (60 s on most), as `next start --keepAliveTimeout`.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  process.stdout.write(`ready on http://${hostname}:${port}\n`);
});

let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  state.draining = true;
  process.stdout.write(`${signal}: draining for ${drainMs} ms\n`);
  setTimeout(() => {
    server.close(() => {
      void Promise.resolve(app.close?.()).finally(() => process.exit(0));
    });
    // Idle kept-alive connections (none left behind nginx by now) are closed; busy ones
    // close after their answer (Connection: close).
    server.closeIdleConnections();
  }, drainMs).unref();
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
