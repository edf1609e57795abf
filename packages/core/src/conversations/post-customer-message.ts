import 'server-only';
import { getDb } from '../db/client';
import { inTransaction } from '../db/transaction';
import { consumeRateLimit } from '../rate-limit/rate-limiter';
import { parseInput } from '../validation';
import { appendMessage } from './append-message';
import { ZCustomerMessageInput, type TMessage } from './conversation.schema';
import { messageSelect, toMessage } from './to-message';
import {
  afterCustomerMessage,
  conversationOfCookie,
  type CustomerRequest,
} from './customer-conversation';

/**
 * `POST /api/conversations/current/messages`: the customer writes. Limited per address and
 * per conversation; a client message id already kept answers with that message (200, not a
 * second one). Written first, then announced to every instance.
 */
export async function postCustomerMessage(
  request: CustomerRequest & { input: unknown },
): Promise<{ message: TMessage; duplicate: boolean }> {
  const input = parseInput(ZCustomerMessageInput, request.input);
  const id = await conversationOfCookie(request.cookie);
  await consumeRateLimit('chatMessage', `ip:${request.address}`);
  await consumeRateLimit('chatConversation', `conversation:${id}`);
  const appended = await inTransaction((tx) =>
    appendMessage(tx, id, { author: 'CUSTOMER', ...input }),
  );
  if (!appended.duplicate) await afterCustomerMessage(id, appended.stationId, appended.seq);
  const row = await getDb().conversationMessage.findUniqueOrThrow({
    where: { conversationId_seq: { conversationId: id, seq: appended.seq } },
    select: { ...messageSelect, conversation: { select: { customerName: true } } },
  });
  return { message: toMessage(row, row.conversation.customerName), duplicate: appended.duplicate };
}
