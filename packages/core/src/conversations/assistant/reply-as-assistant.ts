import 'server-only';
import OpenAI from 'openai';
import type {
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
} from 'openai/resources/chat/completions';
import { getDb } from '../../db/client';
import { inTransaction } from '../../db/transaction';
import { getServerEnv } from '../../env';
import { describeError } from '../../errors/describe-error';
import { announce } from '../../live/live-bus';
import { logger } from '../../logger';
import { appendMessage } from '../append-message';
import { HAND_OVER, assistantTools, runTool, type ToolContext } from './assistant-tools';

/** Tool rounds per answer before it gives up and hands over. */
const MAX_ROUNDS = 4;
const HISTORY = 20;
export const ASSISTANT_INTRODUCTION = "I'm the Hibachi at Home assistant (automated).";
export const HANDOVER_TEXT =
  "I've passed this conversation to our team: a person will answer here, and by e-mail if you have left.";

export function assistantConfigured(): boolean {
  const env = getServerEnv();
  return Boolean(env.AI_BASE_URL && env.AI_API_KEY);
}

const globalForAssistant = globalThis as unknown as {
  hibachiAssistant?: { client?: OpenAI; running: Map<string, Promise<void>> };
};
const state: { client?: OpenAI; running: Map<string, Promise<void>> } =
  (globalForAssistant.hibachiAssistant ??= { running: new Map() });

function client(): OpenAI {
  const env = getServerEnv();
  return (state.client ??= new OpenAI({
    baseURL: env.AI_BASE_URL,
    apiKey: env.AI_API_KEY,
    timeout: 20_000,
    maxRetries: 1,
  }));
}

/**
 * Starts the assistant's answer to the conversation's newest customer message in the
 * background, one at a time per conversation. Returns the work (tests and shutdown wait).
 */
export function replyAsAssistant(conversationId: string): Promise<void> {
  const previous = state.running.get(conversationId) ?? Promise.resolve();
  const next = previous
    .then(() => answer(conversationId))
    .catch((error: unknown) => {
      // The id and the failure only: never the customer's words.
      logger.warn(
        { conversationId, error: describeError(error) },
        'assistant failed; handing over',
      );
      return handOver(conversationId);
    })
    .catch(() => undefined)
    .finally(() => {
      if (state.running.get(conversationId) === next) state.running.delete(conversationId);
    });
  state.running.set(conversationId, next);
  return next;
}

/** Waits for every answer in progress (shutdown, tests). */
export async function settleAssistant(): Promise<void> {
  await Promise.all(state.running.values());
}

const SYSTEM_PROMPT = (station: string) =>
  [
    `You are the Hibachi at Home assistant answering a customer of the ${station} station in a chat.`,
    'You are an automated assistant and say so if asked.',
    'Answer only with facts a tool returned in this conversation: never state a price, an amount,',
    'a date or a start time that a tool did not give you. Keep answers short and plain text.',
    `When the customer asks for a person, or no tool answers the question, call ${HAND_OVER}.`,
  ].join(' ');

async function answer(conversationId: string): Promise<void> {
  const conversation = await getDb().conversation.findUnique({
    where: { id: conversationId },
    select: {
      assistantActive: true,
      stationId: true,
      bookingId: true,
      station: { select: { slug: true, name: true } },
      messages: { orderBy: { seq: 'desc' }, take: HISTORY, select: { author: true, body: true } },
    },
  });
  const newest = conversation?.messages[0];
  if (!conversation?.assistantActive || newest?.author !== 'CUSTOMER') return;
  const context: ToolContext = {
    stationSlug: conversation.station.slug,
    bookingId: conversation.bookingId,
  };
  const introduced = conversation.messages.some((message) => message.author === 'ASSISTANT');
  const messages: ChatCompletionMessageParam[] = [
    { role: 'system', content: SYSTEM_PROMPT(conversation.station.name) },
    ...[...conversation.messages]
      .reverse()
      .map((message): ChatCompletionMessageParam =>
        message.author === 'CUSTOMER'
          ? { role: 'user', content: message.body }
          : { role: 'assistant', content: message.body },
      ),
  ];
  const tools = assistantTools(context);
  const toolResults: string[] = [];
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const completion = await client().chat.completions.create({
      model: getServerEnv().AI_MODEL,
      messages,
      tools,
    });
    const reply = completion.choices[0]?.message;
    if (!reply) break;
    const calls = (reply.tool_calls ?? []).filter(
      (call): call is Extract<ChatCompletionMessageToolCall, { type: 'function' }> =>
        call.type === 'function',
    );
    if (calls.length === 0) {
      const text = reply.content?.trim() ?? '';
      // An answer no tool stood behind, or one naming a price or time no tool gave: a person answers.
      if (!text || toolResults.length === 0 || !grounded(text, toolResults)) break;
      await post(
        conversationId,
        conversation.stationId,
        introduced ? text : `${ASSISTANT_INTRODUCTION} ${text}`,
      );
      return;
    }
    if (calls.some((call) => call.function.name === HAND_OVER)) break;
    messages.push({ role: 'assistant', content: reply.content ?? null, tool_calls: calls });
    for (const call of calls) {
      const result = JSON.stringify(
        await runTool(call.function.name, call.function.arguments, context),
      );
      toolResults.push(result);
      messages.push({ role: 'tool', tool_call_id: call.id, content: result });
    }
  }
  await handOver(conversationId);
}

const NUMBER = String.raw`\d(?:[\d,]*\d)?(?:\.\d+)?`;
const MONEY = new RegExp(
  String.raw`[$£€¥]\s?${NUMBER}|${NUMBER}\s?(?:USD|GBP|EUR|dollars|pounds)`,
  'gi',
);
const TIME = /\b\d{1,2}:\d{2}\b/g;

/** Every amount and clock time in the answer appears in what the tools returned. */
export function grounded(text: string, toolResults: string[]): boolean {
  const said = toolResults.join(' ').replace(/\s/g, '');
  const tokens = [...(text.match(MONEY) ?? []), ...(text.match(TIME) ?? [])];
  return tokens.every((token) => said.includes(token.replace(/\s/g, '')));
}

async function post(conversationId: string, stationId: string, body: string): Promise<void> {
  const appended = await inTransaction((tx) =>
    appendMessage(tx, conversationId, { author: 'ASSISTANT', body: body.slice(0, 2_000) }),
  );
  await announce({ k: 'message', s: stationId, c: conversationId, q: appended.seq });
}

/** Staff take over: the assistant stops, and the customer is told a person will answer. */
async function handOver(conversationId: string): Promise<void> {
  const appended = await inTransaction(async (tx) => {
    const updated = await tx.conversation.updateMany({
      where: { id: conversationId, assistantActive: true },
      data: { assistantActive: false },
    });
    if (updated.count === 0) return undefined;
    return appendMessage(tx, conversationId, { author: 'SYSTEM', body: HANDOVER_TEXT });
  });
  if (appended)
    await announce({
      k: 'message',
      s: appended.stationId,
      c: conversationId,
      q: appended.seq,
    });
}
