import 'server-only';
import { writeAudit, writeStaffAudit, type AuditEntry } from '../audit/write-audit';
import { requireRecord } from '../auth/require-in-scope';
import { assertCan, type StaffRequest, type StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { inTransaction, type Tx } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { Prisma } from '../generated/prisma/client';
import { ACTIVE_STATUSES_SQL } from '../scheduling/active-statuses';
import { parseInput } from '../validation';
import { emailIndex, phoneIndex } from '../crypto/customer-fields';
import {
  ZCustomerLookupQuery,
  ZEraseCustomerInput,
  type TCustomerExport,
  type TCustomerSummary,
  type TErasedCustomer,
} from './customer-data.schema';
import { seal } from '../crypto/field-crypto';

/** What erased data reads as. Sealed like any value, so every stored value stays sealed. */
export const ERASED_NAME = 'Erased customer';
export const ERASED_TEXT = '[erased]';
const erasedEmail = (customerId: string) => `erased-${customerId}@erased.invalid`;

/** The customer's conversations: under their e-mail's index, or linked to one of their bookings. */
const conversationsOf = (customerId: string, emailHash: string | null) => Prisma.sql`
  SELECT cv.id FROM "Conversation" cv
   WHERE (${emailHash}::text IS NOT NULL AND cv."customerEmailHash" = ${emailHash}::text)
      OR cv."bookingId" IN (SELECT id FROM "Booking" WHERE "customerId" = ${customerId}::uuid)`;

/**
 * `GET /api/admin/customers?email=…|phone=…` (super admin): the customers with exactly that
 * e-mail or phone, found by blind index (the data is sealed: no partial search), with what
 * export and erasure would cover.
 */
export async function findCustomers(options: {
  scope: StaffScope;
  query: unknown;
  now?: Date;
}): Promise<TCustomerSummary[]> {
  assertCan(options.scope, 'customers.privacy');
  const query = parseInput(ZCustomerLookupQuery, options.query);
  const now = options.now ?? new Date();
  const customers = await getDb().customer.findMany({
    where: query.email
      ? { emailHash: emailIndex(query.email) }
      : { phoneHash: phoneIndex(query.phone ?? '') },
    orderBy: { createdAt: 'asc' },
    take: 20,
  });
  return Promise.all(
    customers.map(async (customer) => {
      const [counts] = await getDb().$queryRaw<
        { bookings: number; upcoming: number; last: Date | null; conversations: number }[]
      >`
        SELECT (SELECT count(*)::int FROM "Booking" WHERE "customerId" = ${customer.id}::uuid) AS bookings,
               (SELECT count(*)::int FROM "Booking" WHERE "customerId" = ${customer.id}::uuid
                   AND status IN ${ACTIVE_STATUSES_SQL} AND "endsAt" > ${now}) AS upcoming,
               (SELECT max("eventDate") FROM "Booking" WHERE "customerId" = ${customer.id}::uuid) AS last,
               (SELECT count(*)::int FROM (${conversationsOf(customer.id, customer.emailHash)}) c) AS conversations`;
      return {
        id: customer.id,
        name: customer.name,
        email: customer.email,
        phone: customer.phone,
        createdAt: customer.createdAt.toISOString(),
        erasedAt: customer.erasedAt?.toISOString() ?? null,
        bookings: counts?.bookings ?? 0,
        upcomingBookings: counts?.upcoming ?? 0,
        lastEventDate: counts?.last?.toISOString().slice(0, 10) ?? null,
        conversations: counts?.conversations ?? 0,
      };
    }),
  );
}

/**
 * `GET /api/admin/customers/ID/export` (super admin, audited): everything kept about the
 * customer, as JSON: profile, bookings with their menu and payments, conversations.
 */
export async function exportCustomerData(
  options: StaffRequest & { customerId: string; now?: Date },
): Promise<TCustomerExport> {
  assertCan(options.scope, 'customers.privacy');
  const db = getDb();
  const customer = await requireRecord('customer', options.customerId, (id) =>
    db.customer.findUnique({
      where: { id },
      include: {
        bookings: {
          orderBy: { startsAt: 'asc' },
          include: {
            station: { select: { name: true } },
            menuLines: { select: { name: true, quantity: true } },
            payments: { orderBy: { createdAt: 'asc' } },
          },
        },
      },
    }),
  );
  const conversationIds = (
    await db.$queryRaw<{ id: string }[]>(conversationsOf(customer.id, customer.emailHash))
  ).map((row) => row.id);
  const conversations = await db.conversation.findMany({
    where: { id: { in: conversationIds } },
    orderBy: { createdAt: 'asc' },
    include: {
      station: { select: { name: true } },
      messages: { orderBy: { seq: 'asc' }, select: { author: true, body: true, createdAt: true } },
    },
  });
  await inTransaction((tx) =>
    writeStaffAudit(tx, options, {
      entityType: 'Customer',
      entityId: customer.id,
      action: 'customer.exported',
      after: { bookings: customer.bookings.length, conversations: conversations.length },
    }),
  );
  return {
    exportedAt: (options.now ?? new Date()).toISOString(),
    profile: {
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      createdAt: customer.createdAt.toISOString(),
    },
    bookings: customer.bookings.map((booking) => ({
      reference: booking.reference,
      station: booking.station.name,
      status: booking.status,
      date: booking.eventDate.toISOString().slice(0, 10),
      time: booking.startTime,
      adults: booking.adults,
      children: booking.children,
      address: {
        line1: booking.addressLine1,
        line2: booking.addressLine2,
        city: booking.city,
        postalCode: booking.postalCode,
      },
      specialRequests: booking.specialRequests,
      currency: booking.currency,
      totalCents: booking.totalCents,
      menu: booking.menuLines,
      payments: booking.payments.map((payment) => ({
        createdAt: payment.createdAt.toISOString(),
        purpose: payment.purpose,
        method: payment.method,
        status: payment.status,
        amountCents: payment.amountCents,
        refundedCents: payment.refundedCents,
        gratuityCents: payment.gratuityCents,
      })),
      createdAt: booking.createdAt.toISOString(),
    })),
    conversations: conversations.map((conversation) => ({
      station: conversation.station.name,
      startedAt: conversation.createdAt.toISOString(),
      messages: conversation.messages.map((message) => ({
        author: message.author,
        body: message.body,
        sentAt: message.createdAt.toISOString(),
      })),
    })),
  };
}

/**
 * `POST /api/admin/customers/ID/erase` (super admin, audited): the customer's personal data
 * replaced by a tombstone. Bookings and payments stay, with their amounts, for the books;
 * a booking still to come must be cancelled first (409), so no event loses its address.
 */
export async function eraseCustomer(
  options: StaffRequest & { customerId: string; input: unknown; now?: Date },
): Promise<TErasedCustomer> {
  assertCan(options.scope, 'customers.privacy');
  parseInput(ZEraseCustomerInput, options.input);
  const now = options.now ?? new Date();
  return inTransaction((tx) =>
    eraseInTransaction(tx, options.customerId, now, (entry) => writeStaffAudit(tx, options, entry)),
  );
}

type AuditWriter = (
  entry: Omit<AuditEntry, 'actorType' | 'actorId' | 'requestId'>,
) => Promise<void>;

async function eraseInTransaction(
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

async function eraseConversations(tx: Tx, ids: string[]): Promise<void> {
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

/**
 * The daily retention pass: a customer none of whose events is younger than their station's
 * `retentionYears` (every station they booked with keeping data for a limited time) is erased
 * like on request, by the system; so is a conversation untouched that long. Batched, so one
 * run stays short; the next day takes the rest.
 */
export async function anonymiseLapsedCustomers(
  options: { now?: Date; limit?: number } = {},
): Promise<{ customers: number; conversations: number }> {
  const now = options.now ?? new Date();
  const db = getDb();
  const limited = await db.station.count({ where: { retentionYears: { not: null } } });
  if (limited === 0) return { customers: 0, conversations: 0 };
  const lapsed = await db.$queryRaw<{ id: string; stationId: string }[]>`
    SELECT c.id, (SELECT b."stationId" FROM "Booking" b WHERE b."customerId" = c.id LIMIT 1) AS "stationId"
      FROM "Customer" c
     WHERE c."erasedAt" IS NULL
       AND EXISTS (SELECT 1 FROM "Booking" b WHERE b."customerId" = c.id)
       AND NOT EXISTS (
         SELECT 1 FROM "Booking" b JOIN "Station" s ON s.id = b."stationId"
          WHERE b."customerId" = c.id
            AND (s."retentionYears" IS NULL
                 OR b."eventDate" > (${now}::timestamptz - make_interval(years => s."retentionYears"))::date))
     LIMIT ${options.limit ?? 200}`;
  let customers = 0;
  for (const customer of lapsed) {
    await inTransaction((tx) =>
      eraseInTransaction(tx, customer.id, now, (entry) =>
        writeAudit(tx, { ...entry, actorType: 'SYSTEM', stationId: customer.stationId }),
      ),
    );
    customers += 1;
  }
  const stale = await db.$queryRaw<{ id: string }[]>`
    SELECT cv.id FROM "Conversation" cv JOIN "Station" s ON s.id = cv."stationId"
     WHERE s."retentionYears" IS NOT NULL AND cv."customerEmailHash" IS NOT NULL
       AND cv."lastMessageAt" < ${now}::timestamptz - make_interval(years => s."retentionYears")
     LIMIT ${options.limit ?? 200}`;
  if (stale.length > 0)
    await inTransaction((tx) =>
      eraseConversations(
        tx,
        stale.map((row) => row.id),
      ),
    );
  return { customers, conversations: stale.length };
}
