import 'server-only';
import { type AuditEntry } from '../audit/write-audit';
import { requireRecord } from '../auth/require-in-scope';
import { type Tx } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { Prisma } from '../generated/prisma/client';
import { ACTIVE_STATUSES_SQL } from '../scheduling/active-statuses';
import { type TErasedCustomer } from './customer-data.schema';
import { seal } from '../crypto/field-crypto';

/** What erased data reads as. Sealed like any value, so every stored value stays sealed. */
export const ERASED_NAME = 'Erased customer';

export const ERASED_TEXT = '[erased]';

const erasedEmail = (customerId: string) => `erased-${customerId}@erased.invalid`;

/** The customer's conversations: under their e-mail's index, or linked to one of their bookings. */
export const conversationsOf = (customerId: string, emailHash: string | null) => Prisma.sql`
  SELECT cv.id FROM "Conversation" cv
   WHERE (${emailHash}::text IS NOT NULL AND cv."customerEmailHash" = ${emailHash}::text)
      OR cv."bookingId" IN (SELECT id FROM "Booking" WHERE "customerId" = ${customerId}::uuid)`;

type AuditWriter = (
  entry: Omit<AuditEntry, 'actorType' | 'actorId' | 'requestId'>,
) => Promise<void>;

export async function eraseInTransaction(
  tx: Tx,
  customerId: string,
  now: Date,
  audit: AuditWriter,
): Promise<TErasedCustomer> {
  const customer = await requireRecord('customer', customerId, async (id) => {
    const [row] = await tx.$queryRaw<{ id: string; emailHash: string | null }[]>`
      SELECT id, "emailHash" FROM "Customer" WHERE id = ${id}::uuid FOR UPDATE`;
    return row;
  });
  const [upcoming] = await tx.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "Booking"
     WHERE "customerId" = ${customerId}::uuid AND status IN ${ACTIVE_STATUSES_SQL}
       AND "endsAt" > ${now}`;
  if ((upcoming?.count ?? 0) > 0)
    throw new AppError(
      'CONFLICT',
      'This customer has a booking still to come: cancel it before erasing their data.',
      { details: { reason: 'UPCOMING_BOOKINGS', upcoming: upcoming?.count ?? 0 } },
    );
  const conversations = (
    await tx.$queryRaw<{ id: string }[]>(conversationsOf(customerId, customer.emailHash))
  ).map((row) => row.id);
  const tombstone = { name: seal(ERASED_NAME), email: seal(erasedEmail(customerId)) };
  await tx.$executeRaw`
    UPDATE "Customer"
       SET email = ${tombstone.email}, "emailHash" = NULL, name = ${tombstone.name},
           phone = ${seal('')}, "phoneHash" = NULL, "erasedAt" = ${now}, "updatedAt" = ${now}
     WHERE id = ${customerId}::uuid`;
  const bookings = await tx.$executeRaw`
    UPDATE "Booking"
       SET "addressLine1" = ${seal(ERASED_TEXT)}, "addressLine2" = NULL, "specialRequests" = NULL,
           notes = NULL,
           "cancellationReason" = CASE WHEN "cancellationReason" IS NULL THEN NULL ELSE ${ERASED_TEXT} END
     WHERE "customerId" = ${customerId}::uuid`;
  // The name typed to accept a proposal, and the keyed hash of where it was typed.
  await tx.$executeRaw`
    UPDATE "TermsAcceptance"
       SET "acceptedName" = ${tombstone.name}, "clientAddressHash" = NULL
     WHERE "bookingId" IN (SELECT id FROM "Booking" WHERE "customerId" = ${customerId}::uuid)`;
  await eraseConversations(tx, conversations);
  // Staff notes were audited (sealed) as they changed: those copies go too.
  await tx.$executeRaw`
    UPDATE "AuditLog"
       SET before = CASE WHEN before ? 'notes' THEN before || '{"notes": null}' ELSE before END,
           after = CASE WHEN after ? 'notes' THEN after || '{"notes": null}' ELSE after END
     WHERE "entityType" = 'Booking'
       AND "entityId" IN (SELECT id::text FROM "Booking" WHERE "customerId" = ${customerId}::uuid)
       AND (before ? 'notes' OR after ? 'notes')`;
  await tx.$executeRaw`
    UPDATE "OutboxMessage"
       SET recipient = ${tombstone.email},
           status = CASE WHEN status = 'PENDING' THEN 'SKIPPED'::"OutboxStatus" ELSE status END,
           "lastError" = CASE WHEN status = 'PENDING' THEN 'not sent: the customer was erased' ELSE "lastError" END
     WHERE "bookingId" IN (SELECT id FROM "Booking" WHERE "customerId" = ${customerId}::uuid)`;
  await audit({
    entityType: 'Customer',
    entityId: customerId,
    action: 'customer.erased',
    after: { bookings, conversations: conversations.length },
  });
  return {
    id: customerId,
    erasedAt: now.toISOString(),
    bookings,
    conversations: conversations.length,
  };
}

export async function eraseConversations(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const list = Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`));
  await tx.$executeRaw`
    UPDATE "Conversation"
       SET "customerName" = ${seal(ERASED_NAME)}, "customerEmail" = ${seal('erased@erased.invalid')},
           "customerEmailHash" = NULL, "updatedAt" = now()
     WHERE id IN (${list})`;
  await tx.$executeRaw`
    UPDATE "ConversationMessage" SET body = ${seal(ERASED_TEXT)} WHERE "conversationId" IN (${list})`;
  await tx.$executeRaw`
    UPDATE "OutboxMessage"
       SET recipient = ${seal('erased@erased.invalid')},
           status = CASE WHEN status = 'PENDING' THEN 'SKIPPED'::"OutboxStatus" ELSE status END
     WHERE kind = 'CONVERSATION_REPLY' AND payload->>'conversationId' IN (SELECT unnest(ARRAY[${list}])::text)`;
}
