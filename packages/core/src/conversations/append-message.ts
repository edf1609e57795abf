import { Prisma, type MessageAuthor } from '../generated/prisma/client';
import type { Tx } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { seal } from '../crypto/field-crypto';

export type AppendedMessage = {
  conversationId: string;
  stationId: string;
  seq: number;
  /** True when this client message id was already kept: the same message, not a second one. */
  duplicate: boolean;
};

type NewMessage = {
  author: MessageAuthor;
  body: string;
  staffUserId?: string;
  clientMessageId?: string;
};

/** How long a staff reply waits before it is e-mailed: read in the widget meanwhile, it is not. */
export const REPLY_EMAIL_DELAY_MS = 60_000;

/**
 * Appends a message as number `lastSeq + 1` under the conversation row's lock: numbers are
 * given in commit order, so a reader that has everything up to N and asks for "after N"
 * misses nothing. A client message id seen before returns the kept message (exactly once).
 * The customer writing reopens a closed conversation; staff writing have read everything.
 */
export async function appendMessage(
  tx: Tx,
  conversationId: string,
  message: NewMessage,
): Promise<AppendedMessage> {
  const [conversation] = await tx.$queryRaw<{ stationId: string; lastSeq: number }[]>`
    SELECT "stationId", "lastSeq" FROM "Conversation" WHERE id = ${conversationId}::uuid FOR UPDATE`;
  if (!conversation) throw new AppError('NOT_FOUND', 'No such conversation.');
  if (message.clientMessageId) {
    const kept = await tx.conversationMessage.findUnique({
      where: {
        conversationId_clientMessageId: {
          conversationId,
          clientMessageId: message.clientMessageId,
        },
      },
      select: { seq: true },
    });
    if (kept)
      return { conversationId, stationId: conversation.stationId, seq: kept.seq, duplicate: true };
  }
  const seq = conversation.lastSeq + 1;
  const byCustomer = message.author === 'CUSTOMER';
  const extra = byCustomer
    ? Prisma.sql`, "lastCustomerSeq" = ${seq}, "customerReadSeq" = ${seq}, status = 'OPEN'`
    : message.author === 'STAFF'
      ? Prisma.sql`, "staffReadSeq" = ${seq}`
      : Prisma.empty;
  await tx.$executeRaw`
    UPDATE "Conversation"
       SET "lastSeq" = ${seq}, "lastMessageAt" = now(), "updatedAt" = now() ${extra}
     WHERE id = ${conversationId}::uuid`;
  await tx.conversationMessage.create({
    data: {
      conversationId,
      seq,
      author: message.author,
      body: seal(message.body),
      staffUserId: message.staffUserId,
      clientMessageId: message.clientMessageId,
    },
  });
  return { conversationId, stationId: conversation.stationId, seq, duplicate: false };
}

/**
 * A reply the customer has not read is e-mailed after REPLY_EMAIL_DELAY_MS, with a link back
 * into the conversation: one e-mail waits per conversation at a time (this runs under the
 * conversation's lock) and carries every unread reply from `seq` on, as it is at delivery;
 * read in the widget meanwhile, it is not sent.
 */
export async function queueReplyEmail(
  tx: Tx,
  appended: AppendedMessage,
  now = new Date(),
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "OutboxMessage" (kind, recipient, subject, payload, "stationId", "nextAttemptAt")
    SELECT 'CONVERSATION_REPLY', c."customerEmail", 'New reply from ' || s.name,
           jsonb_build_object('conversationId', c.id, 'seq', ${appended.seq}::int),
           c."stationId", ${new Date(now.getTime() + REPLY_EMAIL_DELAY_MS)}
      FROM "Conversation" c JOIN "Station" s ON s.id = c."stationId"
     WHERE c.id = ${appended.conversationId}::uuid AND c."customerReadSeq" < ${appended.seq}
       AND NOT EXISTS (
         SELECT 1 FROM "OutboxMessage" o
          WHERE o.kind = 'CONVERSATION_REPLY' AND o.status = 'PENDING'
            AND o.payload->>'conversationId' = c.id::text)`;
}
