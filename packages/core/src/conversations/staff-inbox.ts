import 'server-only';
import { requireInScope } from '../auth/require-in-scope';
import { resolveStationChoice } from '../auth/resolve-station-choice';
import { assertCan, type StaffRequest, type StaffScope } from '../auth/staff-scope';
import { writeStaffAudit } from '../audit/write-audit';
import { emailIndex } from '../crypto/customer-fields';
import { getDb } from '../db/client';
import { inTransaction } from '../db/transaction';
import { Prisma } from '../generated/prisma/client';
import { announce } from '../live/live-bus';
import { fieldError, parseInput } from '../validation';
import { appendMessage, queueReplyEmail } from './append-message';
import {
  ZConversationUpdate,
  ZInboxQuery,
  ZReadReceipt,
  ZStaffReplyInput,
  type TInboxRow,
  type TMessage,
  type TStaffConversation,
} from './conversation.schema';
import { messageSelect, toMessage } from './to-message';

const LIST_LIMIT = 100;
const THREAD_LIMIT = 500;

const rowSelect = {
  id: true,
  stationId: true,
  customerName: true,
  customerEmail: true,
  status: true,
  lastSeq: true,
  lastCustomerSeq: true,
  staffReadSeq: true,
  customerReadSeq: true,
  assistantActive: true,
  lastMessageAt: true,
  station: { select: { slug: true, name: true } },
  assignedTo: { select: { id: true, name: true } },
  booking: { select: { id: true, reference: true, status: true, startsAt: true } },
  messages: {
    orderBy: { seq: 'desc' },
    take: 1,
    select: { author: true, body: true, createdAt: true },
  },
} satisfies Prisma.ConversationSelect;
type Row = Prisma.ConversationGetPayload<{ select: typeof rowSelect }>;

/** Customer messages staff have not read, per conversation (only those with any). */
async function unreadCounts(rows: Row[]): Promise<Map<string, number>> {
  const ids = rows.filter((row) => row.lastCustomerSeq > row.staffReadSeq).map((row) => row.id);
  if (ids.length === 0) return new Map();
  const counts = await getDb().$queryRaw<{ id: string; n: number }[]>`
    SELECT m."conversationId" AS id, count(*)::int AS n
      FROM "ConversationMessage" m JOIN "Conversation" c ON c.id = m."conversationId"
     WHERE m."conversationId" = ANY(${ids}::uuid[]) AND m.author = 'CUSTOMER'
       AND m.seq > c."staffReadSeq"
     GROUP BY m."conversationId"`;
  return new Map(counts.map((count) => [count.id, count.n]));
}

function toInboxRow(row: Row, unread: Map<string, number>): TInboxRow {
  const last = row.messages[0];
  return {
    id: row.id,
    station: row.station,
    customerName: row.customerName,
    customerEmail: row.customerEmail,
    status: row.status,
    assignedTo: row.assignedTo,
    bookingReference: row.booking?.reference ?? null,
    lastMessage: last
      ? {
          author: last.author,
          body: last.body.slice(0, 140),
          createdAt: last.createdAt.toISOString(),
        }
      : null,
    unread: unread.get(row.id) ?? 0,
    lastMessageAt: row.lastMessageAt.toISOString(),
  };
}

/**
 * `GET /api/admin/conversations`: the station's conversations, newest first; a super admin
 * sees every station's unless they pick one. `q` finds an exact e-mail (by its blind index:
 * names and e-mails are sealed, so parts of them cannot be searched) or a booking reference.
 */
export async function listConversations(
  options: StaffRequest & { query: unknown },
): Promise<TInboxRow[]> {
  assertCan(options.scope, 'conversations.answer');
  const query = parseInput(ZInboxQuery, options.query);
  const stationId = await resolveStationChoice(options.scope, query.station);
  const q = query.q;
  const literal = q?.replace(/[\\%_]/g, (c) => `\\${c}`) ?? '';
  const rows = await getDb().conversation.findMany({
    where: {
      ...(stationId ? { stationId } : {}),
      ...(query.status === 'ALL' ? {} : { status: query.status }),
      ...(query.mine === 'true' ? { assignedToId: options.scope.staffId } : {}),
      ...(q
        ? {
            OR: [
              { customerEmailHash: emailIndex(q) },
              { booking: { reference: { startsWith: literal.toUpperCase() } } },
            ],
          }
        : {}),
    },
    orderBy: { lastMessageAt: 'desc' },
    take: LIST_LIMIT,
    select: rowSelect,
  });
  const unread = await unreadCounts(rows);
  return rows.map((row) => toInboxRow(row, unread));
}

/** `GET /api/admin/conversations/unread`: open conversations with customer messages unread. */
export async function countUnreadConversations(
  options: StaffRequest & { station?: string },
): Promise<{ conversations: number }> {
  assertCan(options.scope, 'conversations.answer');
  const stationId = await resolveStationChoice(options.scope, options.station);
  const [row] = await getDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Conversation"
     WHERE status = 'OPEN' AND "lastCustomerSeq" > "staffReadSeq"
       ${stationId ? Prisma.sql`AND "stationId" = ${stationId}::uuid` : Prisma.empty}`;
  return { conversations: row?.n ?? 0 };
}

/** The caller's station's conversation, or 404 (malformed, missing, another's alike). */
function requireConversation(scope: StaffScope, conversationId: string): Promise<Row> {
  return requireInScope(scope, 'conversation', conversationId, (id) =>
    getDb().conversation.findUnique({ where: { id }, select: rowSelect }),
  );
}

/** `GET /api/admin/conversations/ID`: the thread (its newest 500 messages) and who may take it. */
export async function getStaffConversation(
  options: StaffRequest & { conversationId: string },
): Promise<TStaffConversation> {
  assertCan(options.scope, 'conversations.answer');
  const row = await requireConversation(options.scope, options.conversationId);
  const [messages, assignable, unread] = await Promise.all([
    getDb().conversationMessage.findMany({
      where: { conversationId: row.id },
      orderBy: { seq: 'desc' },
      take: THREAD_LIMIT,
      select: messageSelect,
    }),
    getDb().staffUser.findMany({
      where: { stationId: row.stationId, active: true, role: { in: ['MANAGER', 'STAFF'] } },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
    unreadCounts([row]),
  ]);
  return {
    ...toInboxRow(row, unread),
    lastSeq: row.lastSeq,
    customerReadSeq: row.customerReadSeq,
    assistant: row.assistantActive,
    booking: row.booking ? { ...row.booking, startsAt: row.booking.startsAt.toISOString() } : null,
    assignable,
    messages: messages.reverse().map((message) => toMessage(message, row.customerName)),
  };
}

/**
 * `POST /api/admin/conversations/ID/messages`: staff answer (exactly once per client message
 * id). The assistant stops answering this conversation; a reply the customer does not read
 * in the widget within a minute is e-mailed to them.
 */
export async function replyToConversation(
  options: StaffRequest & { conversationId: string; input: unknown },
): Promise<{ message: TMessage; duplicate: boolean }> {
  assertCan(options.scope, 'conversations.answer');
  const input = parseInput(ZStaffReplyInput, options.input);
  const row = await requireConversation(options.scope, options.conversationId);
  const appended = await inTransaction(async (tx) => {
    const result = await appendMessage(tx, row.id, {
      author: 'STAFF',
      staffUserId: options.scope.staffId,
      ...input,
    });
    if (!result.duplicate) {
      await tx.conversation.update({ where: { id: row.id }, data: { assistantActive: false } });
      await queueReplyEmail(tx, result);
    }
    return result;
  });
  if (!appended.duplicate)
    await announce({ k: 'message', s: row.stationId, c: row.id, q: appended.seq });
  const message = await getDb().conversationMessage.findUniqueOrThrow({
    where: { conversationId_seq: { conversationId: row.id, seq: appended.seq } },
    select: messageSelect,
  });
  return { message: toMessage(message, row.customerName), duplicate: appended.duplicate };
}

/** `POST /api/admin/conversations/ID/read`: staff have read up to `seq` (the customer sees it). */
export async function markReadByStaff(
  options: StaffRequest & { conversationId: string; input: unknown },
): Promise<{ staffReadSeq: number }> {
  assertCan(options.scope, 'conversations.answer');
  const { seq } = parseInput(ZReadReceipt, options.input);
  const row = await requireConversation(options.scope, options.conversationId);
  const [updated] = await getDb().$queryRaw<{ staffReadSeq: number }[]>`
    UPDATE "Conversation" SET "staffReadSeq" = LEAST(${seq}, "lastSeq")
     WHERE id = ${row.id}::uuid AND "staffReadSeq" < LEAST(${seq}, "lastSeq")
    RETURNING "staffReadSeq"`;
  if (!updated) return { staffReadSeq: row.staffReadSeq };
  await announce({ k: 'conversation', s: row.stationId, c: row.id });
  return updated;
}

/** `PATCH /api/admin/conversations/ID`: close or reopen, assign, link to a booking; audited. */
export async function updateConversation(
  options: StaffRequest & { conversationId: string; input: unknown },
): Promise<TStaffConversation> {
  assertCan(options.scope, 'conversations.answer');
  const input = parseInput(ZConversationUpdate, options.input);
  const row = await requireConversation(options.scope, options.conversationId);
  const db = getDb();
  const assignee =
    input.assignedToId &&
    (await db.staffUser.findFirst({
      where: { id: input.assignedToId, stationId: row.stationId, active: true },
      select: { id: true },
    }));
  if (input.assignedToId && !assignee)
    throw fieldError('assignedToId', 'Choose a staff member of this station');
  const booking =
    input.bookingReference &&
    (await db.booking.findFirst({
      where: { reference: input.bookingReference.toUpperCase(), stationId: row.stationId },
      select: { id: true },
    }));
  if (input.bookingReference && !booking)
    throw fieldError('bookingReference', 'No booking of this station has that reference');
  const changes = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.assignedToId !== undefined ? { assignedToId: input.assignedToId } : {}),
    ...(input.bookingReference !== undefined ? { bookingId: booking ? booking.id : null } : {}),
  };
  await inTransaction(async (tx) => {
    await tx.conversation.update({ where: { id: row.id }, data: changes });
    await writeStaffAudit(tx, options, {
      stationId: row.stationId,
      entityType: 'Conversation',
      entityId: row.id,
      action: 'conversation.updated',
      before: {
        status: row.status,
        assignedToId: row.assignedTo?.id ?? null,
        bookingId: row.booking?.id ?? null,
      },
      after: changes,
    });
  });
  await announce({ k: 'conversation', s: row.stationId, c: row.id });
  return getStaffConversation(options);
}
