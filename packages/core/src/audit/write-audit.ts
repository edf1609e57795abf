import { Prisma } from '../generated/prisma/client';

type Tx = Pick<Prisma.TransactionClient, '$executeRaw'>;

export type AuditEntry = {
  actorType: 'STAFF' | 'CUSTOMER' | 'SYSTEM';
  actorId?: string;
  stationId?: string;
  entityType:
    | 'Booking'
    | 'Payment'
    | 'Station'
    | 'Chef'
    | 'StaffUser'
    | 'OutboxMessage'
    | 'MenuItem'
    | 'Conversation'
    | 'Customer';
  entityId: string;
  action: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  requestId?: string;
};

/** Records who changed what, inside the caller's transaction. Keep personal data out of before/after. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.$executeRaw(auditInsertSql(entry));
}

/**
 * The audit row as one INSERT statement: run by writeAudit, or put into a write's own
 * statement. `perRow`: one audit row per row of `rows` (none when it has none), whose
 * columns `actorId` and `addToAfter` may use (values known only once the statement runs).
 */
export function auditInsertSql(
  entry: AuditEntry,
  perRow?: { rows: Prisma.Sql; actorId?: Prisma.Sql; addToAfter?: Prisma.Sql },
): Prisma.Sql {
  const json = (value: Prisma.InputJsonValue | undefined) =>
    value === undefined ? null : JSON.stringify(value);
  const after = Prisma.sql`${json(entry.after)}::jsonb`;
  return Prisma.sql`
    INSERT INTO "AuditLog" ("actorType", "actorId", "stationId", "entityType", "entityId", action,
                            before, after, "requestId")
    SELECT ${entry.actorType}::"ActorType", ${perRow?.actorId ?? Prisma.sql`${entry.actorId ?? null}::text`},
           ${entry.stationId ?? null}::uuid, ${entry.entityType}::text, ${entry.entityId}::text,
           ${entry.action}::text, ${json(entry.before)}::jsonb,
           ${perRow?.addToAfter ? Prisma.sql`${after} || ${perRow.addToAfter}` : after},
           ${entry.requestId ?? null}::text
    ${perRow ? Prisma.sql`FROM ${perRow.rows}` : Prisma.empty}`;
}

/** The staff member behind a change (their scope) and the request it came in. */
export type StaffActor = { scope: { staffId: string }; requestId?: string };

/** writeAudit for a change a staff member made. */
export async function writeStaffAudit(
  tx: Tx,
  by: StaffActor,
  entry: Omit<AuditEntry, 'actorType' | 'actorId' | 'requestId'>,
): Promise<void> {
  await writeAudit(tx, {
    ...entry,
    actorType: 'STAFF',
    actorId: by.scope.staffId,
    requestId: by.requestId,
  });
}
