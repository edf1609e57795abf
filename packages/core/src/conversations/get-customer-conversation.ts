import 'server-only';
import { consumeRateLimit } from '../rate-limit/rate-limiter';
import { parseInput } from '../validation';
import { ZCustomerMessagesQuery, type TCustomerConversation } from './conversation.schema';
import {
  conversationOfCookie,
  type CustomerRequest,
  readConversation,
} from './customer-conversation';

/** `GET /api/conversations/current?after=N`: the conversation and its messages after N. */
export async function getCustomerConversation(
  request: CustomerRequest & { query: unknown },
): Promise<TCustomerConversation> {
  const { after } = parseInput(ZCustomerMessagesQuery, request.query);
  await consumeRateLimit('chatRead', `ip:${request.address}`);
  return readConversation(await conversationOfCookie(request.cookie), after);
}
