import { Prisma } from '../generated/prisma/client';

type Tx = Pick<Prisma.TransactionClient, '$executeRaw'>;

export type AuditEntry = {
  actorType: 'STAFF' | 'CUSTOMER' | 'SYSTEM';
  actorId?: string;
  stationId?: string;
  entityType: 'Booking' | 'Payment' | 'Station' | 'Chef' | 'StaffUser' | 'OutboxMessage';
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

/** The audit row as one INSERT statement: run by writeAudit, or put into a write's own statement. */
export function auditInsertSql(entry: AuditEntry): Prisma.Sql {
  const json = (value: Prisma.InputJsonValue | undefined) =>
    value === undefined ? null : JSON.stringify(value);
  return Prisma.sql`
    INSERT INTO "AuditLog" ("actorType", "actorId", "stationId", "entityType", "entityId", action,
                            before, after, "requestId")
    VALUES (${entry.actorType}::"ActorType", ${entry.actorId ?? null}, ${entry.stationId ?? null}::uuid,
            ${entry.entityType}, ${entry.entityId}, ${entry.action}, ${json(entry.before)}::jsonb,
            ${json(entry.after)}::jsonb, ${entry.requestId ?? null})`;
}
