import type { Prisma } from '../generated/prisma/client';

type Tx = Pick<Prisma.TransactionClient, 'auditLog'>;

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
  await tx.auditLog.create({ data: entry });
}
