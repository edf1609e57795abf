import { Prisma, type OutboxKind } from '../generated/prisma/client';
import { seal } from '../crypto/field-crypto';

type Tx = Pick<Prisma.TransactionClient, '$executeRaw'>;

export type OutgoingEmail = {
  kind: OutboxKind;
  recipient: string;
  subject: string;
  payload: Prisma.InputJsonValue;
  bookingId?: string;
  stationId?: string;
};

/** Queues an e-mail in the outbox (its recipient sealed, like all customer data), in the same transaction as the change that causes it. */
export async function enqueueEmail(tx: Tx, email: OutgoingEmail): Promise<void> {
  await tx.$executeRaw(emailInsertSql(email));
}

/**
 * The outbox row as one INSERT statement (the database fills the other columns): run by
 * enqueueEmail, or put by a write that saves round trips into its own statement (a
 * data-modifying WITH). `rows`: the e-mail is written once per row of `rows` (e.g. the
 * RETURNING of the insert that causes it: none written when nothing was).
 */
export function emailInsertSql(email: OutgoingEmail, rows?: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "OutboxMessage" (kind, recipient, subject, payload, "bookingId", "stationId")
    SELECT ${email.kind}::"OutboxKind", ${seal(email.recipient)}::text, ${email.subject}::text,
           ${JSON.stringify(email.payload)}::jsonb, ${email.bookingId ?? null}::uuid,
           ${email.stationId ?? null}::uuid
    ${rows ? Prisma.sql`FROM ${rows}` : Prisma.empty}`;
}
