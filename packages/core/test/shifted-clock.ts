import { it } from 'vitest';

/**
 * Verify's shifted-clock pass runs the suite under libfaketime (SHIFTED_CLOCK=1). There,
 * PostgreSQL never fires a timeout (deadlock_timeout, lock_timeout, statement_timeout)
 * while a backend waits: libfaketime reports the real, unshifted time to a thread that is
 * inside epoll_wait, so the SIGALRM handler PostgreSQL runs during a lock wait reads a time
 * months before the timeout's shifted due time and re-arms the timer instead of firing it
 * (measured: `SET statement_timeout = '1s'; SELECT pg_sleep(3)` returns after 3 s). That is
 * an artefact of the tool, not a dependence on the date, so a test that needs PostgreSQL to
 * break a deadlock is declared with `itNeedsPostgresTimers`: it runs in the normal pass and
 * is left out of the shifted one.
 */
export const clockIsShifted = process.env.SHIFTED_CLOCK === '1';

export const itNeedsPostgresTimers = it.skipIf(clockIsShifted);

/**
 * The environment for a helper server that cannot run under libfaketime: redis-server
 * aborts at start ("unexpected recursive calls to clock_gettime()"). Rate limits in Redis
 * use only relative TTLs, so a real clock there hides no date dependence.
 */
export function realClockEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== 'LD_PRELOAD' && !name.startsWith('FAKETIME'),
    ),
  );
}
