import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';

/**
 * One circuit breaker per outside service (cockatiel): after a few failures in a row the
 * service is not called at all for a while, so requests answer at once (a fallback, or a 503
 * with Retry-After) instead of each waiting for a timeout; then one trial call decides
 * whether it is back. Their state is in /api/metrics (`hibachi_circuit_breaker_open`).
 */
export const BREAKERS = {
  /** Rate-limit counters: fall back to this instance's memory while Redis is away. */
  redis: { failures: 3, halfOpenAfterMs: 5_000 },
  /** The outbox: e-mails wait in PostgreSQL instead of hammering a failing server. */
  smtp: { failures: 3, halfOpenAfterMs: 30_000 },
  /** Checkout and refunds: 503 with Retry-After at once while Stripe is failing. */
  stripe: { failures: 5, halfOpenAfterMs: 15_000 },
} as const;
export type BreakerName = keyof typeof BREAKERS;

type Breakers = Partial<Record<BreakerName, CircuitBreakerPolicy>>;
const globalForBreakers = globalThis as unknown as { hibachiBreakers?: Breakers };
const breakers: Breakers = (globalForBreakers.hibachiBreakers ??= {});

/**
 * The breaker around a service (made on first use). `countsAsFailure` says which errors are
 * the service failing, not the request (a card declined, a rate limit reached): the module
 * that owns the call always passes the same one.
 */
export function breakerFor(
  name: BreakerName,
  countsAsFailure: (error: unknown) => boolean,
): CircuitBreakerPolicy {
  const existing = breakers[name];
  if (existing) return existing;
  const settings = BREAKERS[name];
  const created = circuitBreaker(handleWhen(countsAsFailure), {
    halfOpenAfter: settings.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(settings.failures),
  });
  breakers[name] = created;
  return created;
}

/** Open (or held open): calls are refused without reaching the service. */
export function breakerOpen(name: BreakerName): boolean {
  const state = breakers[name]?.state;
  return state === CircuitState.Open || state === CircuitState.Isolated;
}

export const isBrokenCircuit = (error: unknown): boolean => error instanceof BrokenCircuitError;

/** Tests: forget every breaker's state. */
export function resetBreakers(): void {
  for (const name of Object.keys(breakers) as BreakerName[]) delete breakers[name];
}
