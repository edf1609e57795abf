import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { connect } from '../../test/database';
import { resetStation, STATION } from '../../test/booking-fixtures';
import { startListening } from '../../test/changes';
import { eventually } from '../../test/eventually';
import { readEvents } from '../../test/sse';
import { customerEventStream, postCustomerMessage, startConversation } from '../conversations';
import { stopChangeListener } from '../db/change-listener';
import { createRouteHandler } from '../http/route-handler';
import { CONVERSATION_COOKIE, readConversationCookie } from '../links/conversation-link';
import { clientIp } from '../rate-limit/client-ip';
import { closeLiveStreams, openStreamCount, reopenLiveHub } from './live-hub';
import { serveDirectly, type DirectRoute } from './serve-directly';

/**
 * The production server's own answer to the conversation stream (packages/web/serve.mjs
 * dispatching to what the app registered): a real HTTP server, the customer route's handler.
 */
const PATH = '/api/conversations/current/events';
const HEADERS = [{ key: 'X-Content-Type-Options', value: 'nosniff' }];
let client: pg.Client;
let server: http.Server;
let base: string;
let address = 0;
const nextAddress = () => `203.0.113.${(address += 1)}`;

beforeAll(async () => {
  client = await connect();
  await startListening();
  serveDirectly(
    PATH,
    createRouteHandler(async (request) =>
      customerEventStream(request, {
        cookie: readConversationCookie(request),
        address: clientIp(request),
        lastEventId: request.headers.get('last-event-id'),
        query: Object.fromEntries(new URL(request.url).searchParams),
      }),
    ),
    HEADERS,
  );
  const routes = (
    globalThis as unknown as { hibachiServer: { directRoutes: Map<string, DirectRoute> } }
  ).hibachiServer.directRoutes;
  // As serve.mjs: a registered GET is answered here; anything else would go to Next.js.
  server = http.createServer((request, response) => {
    const route =
      request.method === 'GET' ? routes.get(request.url?.split('?')[0] ?? '') : undefined;
    if (route?.(request, response)) return;
    response.statusCode = 418;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  closeLiveStreams();
  reopenLiveHub();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await stopChangeListener();
  await client.end();
});
beforeEach(async () => {
  await resetStation(client);
});

async function opened() {
  const from = nextAddress();
  const { cookie } = await startConversation({
    address: from,
    input: {
      station: STATION,
      name: 'Direct Reader',
      email: 'direct@example.com',
      message: { clientMessageId: randomUUID(), body: 'first' },
    },
  });
  return { cookie, from };
}

function follow(cookie: string, from: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = fetch(`${base}${PATH}`, {
    headers: {
      Cookie: `${CONVERSATION_COOKIE}=${encodeURIComponent(cookie)}`,
      'X-Forwarded-For': from,
      ...headers,
    },
    signal: abort.signal,
  });
  return { response, abort };
}

const messageIds = (events: { event: string; id?: string }[]) =>
  events.filter((event) => event.event === 'message').map((event) => Number(event.id));

it('streams every message once, in order, and resumes after Last-Event-ID without gaps', async () => {
  const { cookie, from } = await opened();
  const first = follow(cookie, from);
  const response = await first.response;
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-request-id')).toBeTruthy();
  const stream = readEvents(response);
  await stream.until((events) => messageIds(events).length === 1);
  await Promise.all(
    Array.from({ length: 8 }, (_, index) =>
      postCustomerMessage({
        cookie,
        address: nextAddress(),
        input: { clientMessageId: randomUUID(), body: `burst ${index}` },
      }),
    ),
  );
  const seen = await stream.until((events) => messageIds(events).length === 9);
  expect(messageIds(seen)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  first.abort.abort();

  const again = follow(cookie, from, { 'Last-Event-ID': '6' });
  const replay = await readEvents(await again.response).until(
    (events) => messageIds(events).length === 3,
  );
  expect(messageIds(replay)).toEqual([7, 8, 9]);
  again.abort.abort();
});

it('answers a refusal whole, as the JSON envelope with the same headers', async () => {
  const response = await fetch(`${base}${PATH}`, { headers: { 'X-Forwarded-For': nextAddress() } });
  expect(response.status).toBe(404);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
});

it('frees a stream when its client goes, and ends every stream on shutdown', async () => {
  const { cookie, from } = await opened();
  const before = openStreamCount();
  const gone = follow(cookie, from);
  await readEvents(await gone.response).until((events) => messageIds(events).length === 1);
  expect(openStreamCount()).toBe(before + 1);
  gone.abort.abort();
  await eventually(async () => openStreamCount() === before);

  const staying = follow(cookie, from);
  const stream = readEvents(await staying.response);
  await stream.until((events) => messageIds(events).length === 1);
  closeLiveStreams();
  await stream.finished;
  expect(stream.ended).toBe(true);
  expect(openStreamCount()).toBe(0);
  reopenLiveHub();
});
