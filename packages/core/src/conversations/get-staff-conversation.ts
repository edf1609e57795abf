import 'server-only';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { type TStaffConversation } from './conversation.schema';
import { messageSelect, toMessage } from './to-message';
import { requireConversation, toInboxRow, unreadCounts } from './staff-inbox';

const THREAD_LIMIT = 500;

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
