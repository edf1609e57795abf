import 'server-only';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import {
  conversationKey,
  parseConversationCookie,
  verifyConversationKey,
} from '../links/conversation-link';
import { announce } from '../live/live-bus';
import { assistantConfigured, replyAsAssistant } from './assistant/reply-as-assistant';
import { type TCustomerConversation } from './conversation.schema';
import { messageSelect, toMessage } from './to-message';

/** The newest messages a first read returns; older ones are not re-sent to a widget that has them. */
const PAGE = 200;

export const conversationNotFoundError = () => new AppError('NOT_FOUND', 'No such conversation.');

export type CustomerRequest = { cookie: string | undefined; address: string };

/** The conversation the widget's cookie names, or 404 (a wrong key looks like none). */
export async function conversationOfCookie(cookie: string | undefined): Promise<string> {
  const parsed = parseConversationCookie(cookie);
  if (!parsed || !verifyConversationKey(parsed.conversationId, parsed.key))
    throw conversationNotFoundError();
  return parsed.conversationId;
}

/** The cookie value that proves a conversation (set by the route, httpOnly). */
export const conversationCookie = (conversationId: string) =>
  `${conversationId}.${conversationKey(conversationId)}`;

export async function readConversation(id: string, after: number): Promise<TCustomerConversation> {
  const conversation = await getDb().conversation.findUnique({
    where: { id },
    select: {
      id: true,
      customerName: true,
      status: true,
      staffReadSeq: true,
      lastSeq: true,
      assistantActive: true,
      station: { select: { slug: true, name: true } },
      booking: { select: { reference: true } },
    },
  });
  if (!conversation) throw conversationNotFoundError();
  const rows = await messagesAfter(id, after, PAGE + 1);
  return {
    id: conversation.id,
    station: conversation.station,
    customerName: conversation.customerName,
    status: conversation.status,
    bookingReference: conversation.booking?.reference ?? null,
    staffReadSeq: conversation.staffReadSeq,
    lastSeq: conversation.lastSeq,
    assistant: conversation.assistantActive && assistantConfigured(),
    messages: rows.slice(-PAGE).map((row) => toMessage(row, conversation.customerName)),
    more: rows.length > PAGE,
  };
}

/** Messages numbered above `after`, oldest first (the newest `limit` of them). */
export async function messagesAfter(id: string, after: number, limit: number) {
  const rows = await getDb().conversationMessage.findMany({
    where: { conversationId: id, seq: { gt: after } },
    orderBy: { seq: 'desc' },
    take: limit,
    select: messageSelect,
  });
  return rows.reverse();
}

export async function afterCustomerMessage(
  id: string,
  stationId: string,
  seq: number,
): Promise<void> {
  await announce({ k: 'message', s: stationId, c: id, q: seq });
  // The assistant answers in the background: the customer's message is already kept.
  if (assistantConfigured()) void replyAsAssistant(id);
}
