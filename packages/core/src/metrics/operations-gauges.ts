import { Gauge, type Registry } from 'prom-client';
import { getDb } from '../db/client';
import { isDraining } from '../health/draining';

type Figures = {
  pending: number;
  oldest_due_seconds: number | null;
  owed_oldest_seconds: number | null;
  expired_last_hour: number;
};

/**
 * What operators alert on (deploy/prometheus/alerts.yml), read from PostgreSQL when
 * Prometheus scrapes: one statement for all of them. While the database does not answer,
 * `hibachi_ready` is 0 and the others are left out rather than guessed.
 */
export function registerOperationsGauges(registry: Registry): void {
  // One query per scrape, shared by the gauges.
  let current: Promise<Figures | undefined> | undefined;
  const figures = () =>
    (current ??= read().finally(() => setTimeout(() => (current = undefined), 1_000).unref()));
  /** A gauge read from the figures; left out (reset) while the database does not answer. */
  const gauge = (name: string, help: string, pick: (value: Figures) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const value = await figures();
        if (value) this.set(pick(value));
        else this.reset();
      },
    });
  new Gauge({
    name: 'hibachi_ready',
    help: 'This instance serves: its database answers and it is not draining',
    registers: [registry],
    async collect() {
      this.set((await figures()) && !isDraining() ? 1 : 0);
    },
  });
  gauge('hibachi_outbox_pending_messages', 'E-mails waiting in the outbox', (v) => v.pending);
  gauge(
    'hibachi_outbox_oldest_pending_age_seconds',
    'How long the oldest due e-mail has waited',
    (v) => v.oldest_due_seconds ?? 0,
  );
  gauge(
    'hibachi_refunds_owed_oldest_age_seconds',
    'Since when the oldest refund still owed to a customer has waited (its last change)',
    (v) => v.owed_oldest_seconds ?? 0,
  );
  gauge(
    'hibachi_holds_expired_unpaid_last_hour',
    'Holds that ran out unpaid in the last hour',
    (v) => v.expired_last_hour,
  );
}

async function read(): Promise<Figures | undefined> {
  try {
    const [row] = await getDb().$queryRaw<Figures[]>`
      SELECT (SELECT count(*)::int FROM "OutboxMessage" WHERE status = 'PENDING') AS pending,
             (SELECT extract(epoch FROM now() - min("nextAttemptAt"))::float8
                FROM "OutboxMessage" WHERE status = 'PENDING' AND "nextAttemptAt" <= now())
               AS oldest_due_seconds,
             (SELECT extract(epoch FROM now() - min("updatedAt"))::float8
                FROM "Payment" WHERE "refundRequestedCents" > "refundedCents") AS owed_oldest_seconds,
             (SELECT count(*)::int FROM "Booking"
               WHERE status = 'EXPIRED' AND "updatedAt" > now() - interval '1 hour') AS expired_last_hour`;
    return row;
  } catch {
    return undefined;
  }
}
