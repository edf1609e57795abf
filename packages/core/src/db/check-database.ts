import { AppError } from '../errors';
import { getDb } from './client';

const READY_TIMEOUT_MS = 3_000;

/** Readiness: the database answers `SELECT 1` in time, else UNAVAILABLE (503). */
export async function checkDatabase(): Promise<{ database: 'up'; latencyMs: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('database readiness timed out')),
          READY_TIMEOUT_MS,
        );
      }),
    ]);
  } catch {
    throw new AppError('UNAVAILABLE', 'The database is not reachable.', {
      details: { database: 'down' },
    });
  } finally {
    clearTimeout(timer);
  }
  return { database: 'up', latencyMs: Math.round(performance.now() - started) };
}
