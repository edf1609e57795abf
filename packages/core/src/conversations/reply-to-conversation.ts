import 'server-only';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { inTransaction } from '../db/transaction';
import { announce } from '../live/live-bus';
import { parseInput } from '../validation';
import { appendMessage, queueReplyEmail } from './append-message';
import { ZStaffReplyInput, type TMessage } from './conversation.schema';
import { messageSelect, toMessage } from './to-message';
import { requireConversation } from './staff-inbox';

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
