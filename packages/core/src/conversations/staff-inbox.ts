import 'server-only';
import { requireInScope } from '../auth/require-in-scope';
import { type StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { type TInboxRow } from './conversation.schema';

export const rowSelect = {
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
export async function unreadCounts(rows: Row[]): Promise<Map<string, number>> {
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

export function toInboxRow(row: Row, unread: Map<string, number>): TInboxRow {
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

/** The caller's station's conversation, or 404 (malformed, missing, another's alike). */
export function requireConversation(scope: StaffScope, conversationId: string): Promise<Row> {
  return requireInScope(scope, 'conversation', conversationId, (id) =>
    getDb().conversation.findUnique({ where: { id }, select: rowSelect }),
  );
}
