import type { Prisma } from '../generated/prisma/client';

type Tx = Pick<Prisma.TransactionClient, 'outboxMessage'>;

export type OutgoingEmail = {
  kind:
    | 'BOOKING_CONFIRMATION'
    | 'BOOKING_RESCHEDULED'
    | 'BOOKING_CANCELLED'
    | 'REFUND_ISSUED'
    | 'STAFF_SET_PASSWORD';
  recipient: string;
  subject: string;
  payload: Prisma.InputJsonValue;
  bookingId?: string;
  stationId?: string;
};

/** Queues an e-mail in the outbox, in the same transaction as the change that causes it. */
export async function enqueueEmail(tx: Tx, email: OutgoingEmail): Promise<void> {
  await tx.outboxMessage.create({ data: email });
}
