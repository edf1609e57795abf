import { AppError } from './app-error';

/** Codes that mean "the database cannot be reached", by class. */
const CONNECTION_ERROR_CODES = new Set([
  // Node socket errors
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'ECONNRESET',
  'EAI_AGAIN',
  // PostgreSQL: admin shutdown, cannot connect now, too many connections
  '57P01',
  '57P03',
  '53300',
  // Prisma / driver adapter kinds
  'P1001',
  'P1002',
  'P1017',
  'DatabaseNotReachable',
  'DatabaseDoesNotExist',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  // Prisma: could not start a transaction in time (pool exhausted under load)
  'P2028',
]);

/** 409 SLOT_TAKEN, in the one wording customers see whether a check or the constraint said so. */
export function slotTakenError(): AppError {
  return new AppError('CONFLICT', 'Sorry, that time was just taken. Please choose another time.', {
    details: {
      reason: 'SLOT_TAKEN',
    },
  });
}

/**
 * Maps driver/Prisma errors to AppError by SQLSTATE (message text only for the few plain
 * errors node-postgres's pool throws without a code, see lostConnection):
 * 23P01 exclusion violation and 23505 unique violation → CONFLICT; connection failures, and a
 * write that kept losing to concurrent ones (see lostToConcurrentWrite), → UNAVAILABLE.
 * Returns undefined for anything else so the caller can treat it as a bug.
 */
export function translateDatabaseError(error: unknown): AppError | undefined {
  const codes = collectCodes(error);
  if (codes.has('23P01')) return slotTakenError();
  if (codes.has('23505')) {
    return new AppError('CONFLICT', 'This conflicts with an existing record.', {
      details: {
        reason: 'DUPLICATE',
      },
    });
  }
  if (
    [...codes].some((code) => CONNECTION_ERROR_CODES.has(code) || code.startsWith('08')) ||
    lostConnection(error)
  ) {
    return new AppError(
      'UNAVAILABLE',
      'The service is temporarily unavailable. Please try again shortly.',
    );
  }
  if (isLostRace(codes)) {
    return new AppError('UNAVAILABLE', 'Many changes are being made at once. Please try again.', {
      headers: { 'Retry-After': '1' },
    });
  }
  return undefined;
}

/**
 * Whether a write lost to a concurrent one and may simply run again: PostgreSQL ended it to
 * break a deadlock (40P01; two writes checking the booking-window constraint against each
 * other's uncommitted rows can wait on each other) or a serialization failure (40001). Prisma
 * wraps both as P2034. Run again, the write sees the winner's committed rows.
 */
export function lostToConcurrentWrite(error: unknown): boolean {
  return isLostRace(collectCodes(error));
}

function isLostRace(codes: Set<string>): boolean {
  return codes.has('40P01') || codes.has('40001') || codes.has('P2034');
}

/** Whether a driver/Prisma error carries this SQLSTATE (e.g. 23P01, exclusion violation). */
export function hasDatabaseCode(error: unknown, code: string): boolean {
  return collectCodes(error).has(code);
}

/**
 * node-postgres's pool throws plain Errors, without a code, when it cannot get a connection
 * in time, a connection ends under a query, or a query is sent on a connection that has just
 * failed (PostgreSQL stopping); the driver adapter passes them through as they are (seen when PostgreSQL stopped
 * under load in pnpm test:deploy).
 */
const POOL_CONNECTION_MESSAGES =
  /^(timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error and is not queryable)/;
function lostConnection(error: unknown, seen = new Set<unknown>()): boolean {
  if (error === null || typeof error !== 'object' || seen.has(error)) return false;
  seen.add(error);
  if (error instanceof Error && POOL_CONNECTION_MESSAGES.test(error.message)) return true;
  return lostConnection((error as { cause?: unknown }).cause, seen);
}

/** Walks an error and its causes (Prisma wraps driver errors several levels deep) collecting codes. */
function collectCodes(
  error: unknown,
  seen = new Set<unknown>(),
  codes = new Set<string>(),
): Set<string> {
  if (error === null || typeof error !== 'object' || seen.has(error)) return codes;
  seen.add(error);
  const record = error as Record<string, unknown>;
  for (const key of ['code', 'originalCode', 'kind']) {
    if (typeof record[key] === 'string') codes.add(record[key]);
  }
  for (const key of ['cause', 'meta', 'driverAdapterError', 'errors']) {
    const value = record[key];
    if (Array.isArray(value)) value.forEach((item) => collectCodes(item, seen, codes));
    else collectCodes(value, seen, codes);
  }
  return codes;
}
