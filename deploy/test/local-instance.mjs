#!/usr/bin/env node
// A stand-in for systemd in `pnpm test:deploy`: starts, stops and restarts one instance of an
// app (packages/web/serve.mjs) with the environment the test wrote to STATE_DIR/APP.env.json,
// its pid in STATE_DIR/APP-PORT.pid. `restart` is what the rolling deploy script calls for
// `systemctl restart hibachi-APP@PORT`: SIGTERM, wait for the exit (the drain), start again.
//
//   node deploy/test/local-instance.mjs start|stop|restart APP PORT   (STATE_DIR in the env)
import { spawn } from 'node:child_process';
import { openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [command, app, port] = process.argv.slice(2);
const stateDir = process.env.STATE_DIR;
if (!stateDir || !['start', 'stop', 'restart'].includes(command ?? '') || !app || !port) {
  process.stderr.write('usage: STATE_DIR=… local-instance.mjs start|stop|restart APP PORT\n');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '../..');
const pidFile = path.join(stateDir, `${app}-${port}.pid`);

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function stop() {
  let pid;
  try {
    pid = Number(readFileSync(pidFile, 'utf8'));
  } catch {
    return;
  }
  if (pid && alive(pid)) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 45_000;
    while (alive(pid)) {
      if (Date.now() > deadline) {
        process.kill(pid, 'SIGKILL');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  rmSync(pidFile, { force: true });
}

function start() {
  const env = JSON.parse(readFileSync(path.join(stateDir, `${app}.env.json`), 'utf8'));
  const log = openSync(path.join(stateDir, `${app}-${port}.log`), 'a');
  const child = spawn(
    process.execPath,
    [path.join(root, 'packages/web/serve.mjs'), '--port', port, '--hostname', '127.0.0.1'],
    {
      // The deployable: the standalone tree of the build (as the systemd units run it).
      cwd: path.join(root, 'apps', app, '.next/standalone/apps', app),
      env: { ...process.env, ...env, NODE_ENV: 'production' },
      stdio: ['ignore', log, log],
      detached: true,
    },
  );
  child.unref();
  writeFileSync(pidFile, String(child.pid));
}

if (command !== 'start') await stop();
if (command !== 'stop') start();
