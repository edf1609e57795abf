// Installs what the project needs on a machine that has only Node.js:
//   node scripts/bootstrap.mjs          the project's Node.js, pnpm (pinned) + workspace dependencies
//   node scripts/bootstrap.mjs --test   the above + Debian chromium, redis-server, faketime, nginx and prometheus (promtool) for the tests
// Plain Node, no dependencies: it runs before anything is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const PNPM_VERSION = JSON.parse(
  readFileSync(path.join(root, 'package.json'), 'utf8'),
).packageManager.split('@')[1];
// The Node.js the project runs on (the root devDependency `node`, whose binary pnpm scripts find
// first on PATH). An older machine Node only starts this script and the installs.
const NODE_VERSION = readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8').match(
  /^  node: (\d+\.\d+\.\d+)$/m,
)[1];
const wantsTestTools = process.argv.includes('--test');
const log = (message) => process.stdout.write(`[bootstrap] ${message}\n`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    log(`failed: ${command} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

function installedVersion(command) {
  try {
    return execFileSync(command, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

if (installedVersion('pnpm') !== PNPM_VERSION) {
  log(`installing pnpm ${PNPM_VERSION} with npm`);
  run('npm', [
    'install',
    '--global',
    `pnpm@${PNPM_VERSION}`,
    '--allow-scripts=pnpm',
    '--no-fund',
    '--no-audit',
  ]);
}

// pnpm installs under the project's Node.js, so packages that need a newer one than the
// machine's install without engine warnings: the machine's npm fetches it first, once.
const projectNode = path.join(root, '.tools', `node-${NODE_VERSION}`);
let installEnv = process.env;
if (process.versions.node !== NODE_VERSION) {
  const bin = path.join(projectNode, 'node_modules', '.bin');
  if (!existsSync(path.join(bin, 'node'))) {
    log(
      `installing Node.js ${NODE_VERSION} from the npm registry (this machine has ${process.version})`,
    );
    run('npm', [
      'install',
      '--prefix',
      projectNode,
      '--no-save',
      '--no-package-lock',
      '--no-fund',
      '--no-audit',
      '--loglevel=error',
      `node@${NODE_VERSION}`,
    ]);
  }
  installEnv = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
}

log('installing workspace dependencies');
run('pnpm', ['install', '--frozen-lockfile'], { env: installEnv });

if (wantsTestTools) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const missing = [
    existsSync(chromium) ? undefined : 'chromium',
    installedVersion('redis-server') ? undefined : 'redis-server',
    existsSync('/usr/bin/faketime') ? undefined : 'faketime',
    // pnpm test:deploy: real nginx in front of the apps, promtool for the alert rules
    existsSync('/usr/sbin/nginx') ? undefined : 'nginx-light',
    existsSync('/usr/bin/promtool') ? undefined : 'prometheus',
  ].filter(Boolean);
  if (missing.length > 0) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!existsSync('/usr/bin/apt-get')) {
      log(
        `please install ${missing.join(', ')} (Playwright uses the system Chromium at ${chromium}; set CHROMIUM_PATH to use another)`,
      );
      process.exit(1);
    }
    const sudo = isRoot ? [] : ['sudo'];
    log(`installing ${missing.join(', ')} from Debian packages`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(isRoot ? [] : ['apt-get']), 'update', '-qq'], {
      env,
    });
    run(
      sudo[0] ?? 'apt-get',
      [
        ...sudo.slice(1),
        ...(isRoot ? [] : ['apt-get']),
        'install',
        '-y',
        '-qq',
        '--no-install-recommends',
        ...missing,
      ],
      { env },
    );
  }
}
log('done');
