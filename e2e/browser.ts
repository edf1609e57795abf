import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium with the flags this machine needs (no sandbox as root, no background network). */
export const chromiumLaunchOptions: LaunchOptions = {
  // Chromium hangs under libfaketime (a shifted-clock run preloads it): it keeps the real clock.
  env: Object.fromEntries(
    Object.entries(process.env).filter(
      ([name, value]) =>
        name !== 'LD_PRELOAD' && !name.startsWith('FAKETIME') && value !== undefined,
    ),
  ) as Record<string, string>,
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
