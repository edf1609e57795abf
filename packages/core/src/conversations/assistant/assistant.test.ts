import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type pg from 'pg';
import { connect } from '../../../test/database';
import { resetStation, staffScope, STATION } from '../../../test/booking-fixtures';
import { quotePrice } from '../../pricing/quote-price';
import {
  getStaffConversation,
  postCustomerMessage,
  replyToConversation,
  startConversation,
} from '..';
import { grounded, HANDOVER_TEXT, settleAssistant } from './reply-as-assistant';

/** The environment is read once, at the first import: the fake's port is chosen before that. */
const PORT = vi.hoisted(async () => {
  const { pickPortSync } = await import('../../../test/pick-port');
  const port = pickPortSync();
  process.env.AI_BASE_URL = `http://127.0.0.1:${port}/v1`;
  process.env.AI_API_KEY = 'test-key';
  return port;
});

type ChatMessage = { role: string; content?: string | null; tool_calls?: unknown[] };
type ChatRequest = {
  model: string;
  messages: ChatMessage[];
  tools?: { function: { name: string } }[];
};

/**
 * A local stand-in for an OpenAI-compatible API that replays a script, as a model would:
 * a price question calls quote_price and answers with the tool's total; "a person" calls
 * the hand-over tool; "make something up" answers with an amount no tool gave.
 */
function fakeModel() {
  const requests: ChatRequest[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const chat = JSON.parse(body) as ChatRequest;
      requests.push(chat);
      const last = chat.messages.at(-1)!;
      const toolCall = (name: string, args: unknown) => ({
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: `call_${requests.length}`,
            type: 'function',
            function: { name, arguments: JSON.stringify(args) },
          },
        ],
      });
      let message: unknown;
      if (last.role === 'tool') {
        const result = JSON.parse(last.content ?? '{}') as { total?: string; deposit?: string };
        message = {
          role: 'assistant',
          content: `For 10 adults it comes to ${result.total}, with a ${result.deposit} deposit.`,
        };
      } else if (/person|human/i.test(last.content ?? ''))
        message = toolCall('hand_over_to_staff', { reason: 'asked' });
      else if (/price|cost/i.test(last.content ?? ''))
        message = toolCall('quote_price', { adults: 10 });
      else message = { role: 'assistant', content: 'It is only $1 for you!' };
      response.setHeader('Content-Type', 'application/json');
      response.end(
        JSON.stringify({
          id: `chatcmpl-${requests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: chat.model,
          choices: [{ index: 0, message, finish_reason: 'stop', logprobs: null }],
        }),
      );
    });
  });
  return { server, requests };
}

describe('the assistant (against a local fake of the API, through the official SDK)', () => {
  let client: pg.Client;
  let fake: ReturnType<typeof fakeModel>;
  let server: Server;

  beforeAll(async () => {
    fake = fakeModel();
    server = fake.server;
    const port = await PORT;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    client = await connect();
  });
  afterAll(async () => {
    server.close();
    await client.end();
  });
  beforeEach(async () => {
    await resetStation(client);
    fake.requests.length = 0;
  });

  const ask = async (cookie: string, body: string) => {
    await postCustomerMessage({
      cookie,
      address: '203.0.113.9',
      input: { clientMessageId: randomUUID(), body },
    });
    await settleAssistant();
  };

  it('answers a price question from the quote tool, says it is an assistant, and staff see it marked', async () => {
    const { conversation, cookie } = await startConversation({
      address: '203.0.113.8',
      input: { station: STATION, name: 'Pat', email: 'pat@example.com' },
    });
    expect(conversation.assistant).toBe(true);
    await ask(cookie, 'What would 10 adults cost?');
    const expected = await quotePrice({ input: { station: STATION, adults: 10 } });
    const staff = await staffScope(client, 'STAFF', await stationId());
    const thread = await getStaffConversation({ scope: staff, conversationId: conversation.id });
    const reply = thread.messages.at(-1)!;
    expect(reply.author).toBe('ASSISTANT');
    expect(reply.body).toMatch(/^I'm the Hibachi at Home assistant \(automated\)\./);
    expect(reply.body).toContain(`$${(expected.totalCents / 100).toFixed(0)}`);
    // The model was offered the tools and no my_booking (not linked), and sent the tool's result back.
    expect(fake.requests[0]!.tools!.map((tool) => tool.function.name)).toEqual([
      'list_stations',
      'check_availability',
      'quote_price',
      'cancellation_policy',
      'hand_over_to_staff',
    ]);
    expect(fake.requests[1]!.messages.at(-1)).toMatchObject({ role: 'tool' });
    expect(thread.assistant).toBe(true);
  });

  it('hands over when asked, and then stays quiet while staff answer', async () => {
    const { conversation, cookie } = await startConversation({
      address: '203.0.113.10',
      input: { station: STATION, name: 'Sam', email: 'sam@example.com' },
    });
    await ask(cookie, 'Can I talk to a person please?');
    const staff = await staffScope(client, 'STAFF', await stationId());
    let thread = await getStaffConversation({ scope: staff, conversationId: conversation.id });
    expect(thread.messages.at(-1)).toMatchObject({ author: 'SYSTEM', body: HANDOVER_TEXT });
    expect(thread.assistant).toBe(false);
    const calls = fake.requests.length;
    await ask(cookie, 'What would it cost?');
    expect(fake.requests.length).toBe(calls);
    await replyToConversation({
      scope: staff,
      conversationId: conversation.id,
      input: { clientMessageId: randomUUID(), body: 'Hi Sam, I am here.' },
    });
    thread = await getStaffConversation({ scope: staff, conversationId: conversation.id });
    expect(thread.messages.map((message) => message.author)).toEqual([
      'CUSTOMER',
      'SYSTEM',
      'CUSTOMER',
      'STAFF',
    ]);
  });

  it('never passes on an amount no tool gave: it hands over instead', async () => {
    const { conversation, cookie } = await startConversation({
      address: '203.0.113.11',
      input: { station: STATION, name: 'Lee', email: 'lee@example.com' },
    });
    await ask(cookie, 'Make something up');
    const staff = await staffScope(client, 'STAFF', await stationId());
    const thread = await getStaffConversation({ scope: staff, conversationId: conversation.id });
    expect(thread.messages.map((message) => message.author)).toEqual(['CUSTOMER', 'SYSTEM']);
    expect(grounded('It is $650, from 17:00.', ['{"total":"$650","times":["17:00"]}'])).toBe(true);
    expect(grounded('It is $649.', ['{"total":"$650"}'])).toBe(false);
  });

  async function stationId(): Promise<string> {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM "Station" WHERE slug = $1`,
      [STATION],
    );
    return rows[0]!.id;
  }
});
