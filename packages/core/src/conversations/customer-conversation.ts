import 'server-only';
import { findCustomerBooking } from '../bookings/find-customer-booking';
import { getDb } from '../db/client';
import { inTransaction } from '../db/transaction';
import { sealConversationContact } from '../crypto/customer-fields';
import { AppError } from '../errors/app-error';
import {
  conversationKey,
  parseConversationCookie,
  verifyConversationKey,
} from '../links/conversation-link';
import { announce } from '../live/live-bus';
import { consumeRateLimit } from '../rate-limit/rate-limiter';
import { parseInput } from '../validation';
import { appendMessage } from './append-message';
import { assistantConfigured, replyAsAssistant } from './assistant/reply-as-assistant';
import {
  ZCustomerMessageInput,
  ZCustomerMessagesQuery,
  ZReadReceipt,
  ZStartConversationInput,
  type TCustomerConversation,
  type TMessage,
} from './conversation.schema';
import { messageSelect, toMessage } from './to-message';

/** The newest messages a first read returns; older ones are not re-sent to a widget that has them. */
const PAGE = 200;

const notFound = () => new AppError('NOT_FOUND', 'No such conversation.');

export type CustomerRequest = { cookie: string | undefined; address: string };

/** The conversation the widget's cookie names, or 404 (a wrong key looks like none). */
export async function conversationOfCookie(cookie: string | undefined): Promise<string> {
  const parsed = parseConversationCookie(cookie);
  if (!parsed || !verifyConversationKey(parsed.conversationId, parsed.key)) throw notFound();
  return parsed.conversationId;
}

/** The cookie value that proves a conversation (set by the route, httpOnly). */
export const conversationCookie = (conversationId: string) =>
  `${conversationId}.${conversationKey(conversationId)}`;

/**
 * `POST /api/conversations`: opens a conversation at a station (name and e-mail), or on a
 * booking (its reference and manage token: linked, name and e-mail from the booking), with
 * an optional first message. Returns it with the cookie that proves it from now on.
 */
export async function startConversation(options: {
  input: unknown;
  address: string;
}): Promise<{ conversation: TCustomerConversation; cookie: string }> {
  const input = parseInput(ZStartConversationInput, options.input);
  await consumeRateLimit('chatStart', `ip:${options.address}`);
  const opening = await openingOf(input);
  const id = await inTransaction(async (tx) => {
    const created = await tx.conversation.create({ data: opening, select: { id: true } });
    if (input.message)
      await appendMessage(tx, created.id, { author: 'CUSTOMER', ...input.message });
    return created.id;
  });
  if (input.message) await afterCustomerMessage(id, opening.stationId, 1);
  return { conversation: await readConversation(id, 0), cookie: conversationCookie(id) };
}

async function openingOf(input: ReturnType<typeof ZStartConversationInput.parse>) {
  if (input.reference && input.token) {
    const booking = await findCustomerBooking(input.reference, { token: input.token });
    return {
      stationId: booking.stationId,
      bookingId: booking.id,
      ...sealConversationContact(booking.customer),
    };
  }
  const station = await getDb().station.findFirst({
    where: { slug: input.station ?? '', active: true },
    select: { id: true },
  });
  if (!station)
    throw new AppError('VALIDATION_FAILED', 'Please check the highlighted fields.', {
      details: { station: ['Choose one of our locations'] },
    });
  return {
    stationId: station.id,
    ...sealConversationContact({ name: input.name ?? '', email: input.email ?? '' }),
  };
}

/** `GET /api/conversations/current?after=N`: the conversation and its messages after N. */
export async function getCustomerConversation(
  request: CustomerRequest & { query: unknown },
): Promise<TCustomerConversation> {
  const { after } = parseInput(ZCustomerMessagesQuery, request.query);
  await consumeRateLimit('chatRead', `ip:${request.address}`);
  return readConversation(await conversationOfCookie(request.cookie), after);
}

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
  if (!conversation) throw notFound();
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

async function afterCustomerMessage(id: string, stationId: string, seq: number): Promise<void> {
  await announce({ k: 'message', s: stationId, c: id, q: seq });
  // The assistant answers in the background: the customer's message is already kept.
  if (assistantConfigured()) void replyAsAssistant(id);
}

/** `POST /api/conversations/current/read`: the customer has seen staff's messages up to `seq`. */
export async function markReadByCustomer(
  request: CustomerRequest & { input: unknown },
): Promise<{ customerReadSeq: number }> {
  const { seq } = parseInput(ZReadReceipt, request.input);
  const id = await conversationOfCookie(request.cookie);
  await consumeRateLimit('chatRead', `ip:${request.address}`);
  // Only a mark that moves is announced: a widget repeats its receipt on every focus.
  const [row] = await getDb().$queryRaw<
    { customerReadSeq: number; stationId: string; moved: boolean }[]
  >`
    WITH before AS (SELECT "customerReadSeq" AS seq FROM "Conversation" WHERE id = ${id}::uuid),
         moved AS (
           UPDATE "Conversation" SET "customerReadSeq" = GREATEST("customerReadSeq", LEAST(${seq}, "lastSeq"))
            WHERE id = ${id}::uuid
           RETURNING "customerReadSeq", "stationId")
    SELECT moved."customerReadSeq", moved."stationId", moved."customerReadSeq" > before.seq AS moved
      FROM moved, before`;
  if (!row) throw notFound();
  if (row.moved) await announce({ k: 'conversation', s: row.stationId, c: id });
  return { customerReadSeq: row.customerReadSeq };
}
