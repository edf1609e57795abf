import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { connect } from '../../test/database';
import { resetStation, staffScope, STATION } from '../../test/booking-fixtures';
import { capturingTransport } from '../../test/capturing-transport';
import { startListening } from '../../test/changes';
import { insertBooking, insertCustomer, insertStation } from '../../test/factories';
import { readEvents } from '../../test/sse';
import { stopChangeListener } from '../db/change-listener';
import { closeLiveStreams, reopenLiveHub } from '../live/live-hub';
import { staffEventStream } from '../live/staff-stream';
import { deliverDueEmails } from '../notifications/deliver-outbox';
import {
  countUnreadConversations,
  customerEventStream,
  getStaffConversation,
  listConversations,
  markReadByCustomer,
  postCustomerMessage,
  replyToConversation,
  startConversation,
  updateConversation,
} from '.';

const ADDRESS = '198.51.100.7';
let client: pg.Client;
let address = 0;
/** Each test from its own address, so per-address limits only bite where a test wants them. */
const nextAddress = () => `198.51.100.${(address += 1)}`;

async function opened(message?: string) {
  const from = nextAddress();
  const { conversation, cookie } = await startConversation({
    address: from,
    input: {
      station: STATION,
      name: 'Casey <b>Customer</b>',
      email: ' Casey@Example.com ',
      ...(message ? { message: { clientMessageId: randomUUID(), body: message } } : {}),
    },
  });
  return { conversation, cookie, address: from };
}

function streamRequest(headers: Record<string, string> = {}) {
  const abort = new AbortController();
  return { request: new Request('http://test/events', { headers, signal: abort.signal }), abort };
}

describe('conversations', () => {
  beforeAll(async () => {
    client = await connect();
    await startListening();
  });
  afterAll(async () => {
    closeLiveStreams();
    reopenLiveHub();
    await stopChangeListener();
    await client.end();
  });
  beforeEach(async () => {
    await resetStation(client);
  });

  it('opens with a clean name, keeps a retried message once, and refuses bots and HTML', async () => {
    const {
      conversation,
      cookie,
      address: from,
    } = await opened('Can you do 30 guests on the 14th?');
    expect(conversation).toMatchObject({
      customerName: 'Casey Customer',
      status: 'OPEN',
      lastSeq: 1,
    });
    const clientMessageId = randomUUID();
    const first = await postCustomerMessage({
      cookie,
      address: from,
      input: { clientMessageId, body: '<script>alert(1)</script>Hello\u0007 there' },
    });
    const again = await postCustomerMessage({
      cookie,
      address: from,
      input: { clientMessageId, body: 'Hello there' },
    });
    expect(first).toMatchObject({
      duplicate: false,
      message: { seq: 2, body: 'alert(1)Hello there' },
    });
    expect(again).toMatchObject({ duplicate: true, message: { seq: 2 } });
    const { rows } = await client.query('SELECT count(*)::int AS n FROM "ConversationMessage"');
    expect(rows[0].n).toBe(2);

    await expect(
      startConversation({
        address: nextAddress(),
        input: {
          station: STATION,
          name: 'Bot',
          email: 'bot@example.com',
          website: 'http://spam.example',
        },
      }),
    ).rejects.toMatchObject({ status: 400, details: { website: expect.any(Array) } });
    await expect(
      postCustomerMessage({
        cookie,
        address: from,
        input: { clientMessageId: randomUUID(), body: '<p></p>' },
      }),
    ).rejects.toMatchObject({ status: 400, details: { body: ['Write a message'] } });
    // Another conversation's key, or a forged one, finds nothing.
    const forged = `${conversation.id}.${'A'.repeat(43)}`;
    await expect(
      postCustomerMessage({
        cookie: forged,
        address: from,
        input: { clientMessageId: randomUUID(), body: 'hi' },
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('limits messages per conversation whichever address sends them', async () => {
    const { cookie } = await opened();
    for (let index = 0; index < 20; index += 1)
      await postCustomerMessage({
        cookie,
        address: nextAddress(),
        input: { clientMessageId: randomUUID(), body: `m${index}` },
      });
    await expect(
      postCustomerMessage({
        cookie,
        address: nextAddress(),
        input: { clientMessageId: randomUUID(), body: 'one more' },
      }),
    ).rejects.toMatchObject({ status: 429 });
  });

  it('streams every message once, in order, resuming after Last-Event-ID without gaps', async () => {
    const { cookie, address: from } = await opened('first');
    const { request, abort } = streamRequest();
    const stream = readEvents(
      await customerEventStream(request, { cookie, address: from, lastEventId: null, query: {} }),
    );
    await stream.until((events) => events.some((event) => event.event === 'message'));
    // Concurrent writers: numbers are given in commit order, so the stream sees 1..N.
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        postCustomerMessage({
          cookie,
          address: nextAddress(),
          input: { clientMessageId: randomUUID(), body: `burst ${index}` },
        }),
      ),
    );
    const seen = await stream.until(
      (events) => events.filter((e) => e.event === 'message').length === 13,
    );
    expect(seen.filter((e) => e.event === 'message').map((e) => Number(e.id))).toEqual(
      Array.from({ length: 13 }, (_, index) => index + 1),
    );
    abort.abort();

    // A reconnect that has everything up to 9 gets 10 and later only.
    const resumed = streamRequest({ 'Last-Event-ID': '9' });
    const again = readEvents(
      await customerEventStream(resumed.request, {
        cookie,
        address: from,
        lastEventId: '9',
        query: {},
      }),
    );
    const replay = await again.until(
      (events) => events.filter((e) => e.event === 'message').length === 4,
    );
    expect(replay.filter((e) => e.event === 'message').map((e) => e.id)).toEqual([
      '10',
      '11',
      '12',
      '13',
    ]);
    resumed.abort.abort();
  });

  it('sends a message announced before the stream is first read, once', async () => {
    const { cookie, address: from } = await opened('first');
    const { request, abort } = streamRequest();
    // Its body is read later (as Next.js pipes it): meanwhile a message is announced.
    const response = await customerEventStream(request, {
      cookie,
      address: from,
      lastEventId: null,
      query: {},
    });
    await postCustomerMessage({
      cookie,
      address: from,
      input: { clientMessageId: randomUUID(), body: 'before the first read' },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const seen = await readEvents(response).until(
      (events) => events.filter((e) => e.event === 'message').length === 2,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.filter((e) => e.event === 'message').map((e) => e.id)).toEqual(['1', '2']);
    abort.abort();
  });

  it('staff of the station see it, answer live, and the customer sees the answer and the read mark', async () => {
    const { stationId, chefIds } = await resetStation(client);
    const staff = await staffScope(client, 'STAFF', stationId);
    const { conversation, cookie, address: from } = await opened('Do you bring the grill?');

    const staffLive = streamRequest();
    const hints = readEvents(
      await staffEventStream(staffLive.request, { scope: staff, query: {} }),
    );
    const customerLive = streamRequest();
    const widget = readEvents(
      await customerEventStream(customerLive.request, {
        cookie,
        address: from,
        lastEventId: '1',
        query: {},
      }),
    );
    expect(await countUnreadConversations({ scope: staff })).toEqual({ conversations: 1 });
    // Sealed e-mails are found whole (by blind index), in any case; a part finds nothing.
    expect(await listConversations({ scope: staff, query: { q: 'casey@' } })).toEqual([]);
    const [row] = await listConversations({ scope: staff, query: { q: 'Casey@Example.com' } });
    expect(row).toMatchObject({
      id: conversation.id,
      unread: 1,
      customerEmail: 'casey@example.com',
    });

    const reply = await replyToConversation({
      scope: staff,
      conversationId: conversation.id,
      input: { clientMessageId: randomUUID(), body: 'Yes, and the chef too.' },
    });
    expect(reply.message).toMatchObject({ seq: 2, author: 'STAFF', authorName: 'Staff' });
    const got = await widget.until((events) =>
      events.some((e) => e.event === 'message' && e.id === '2'),
    );
    expect(got.filter((e) => e.event === 'message')).toHaveLength(1);
    await widget.until((events) =>
      events.some(
        (e) => e.event === 'state' && (e.data as { staffReadSeq: number }).staffReadSeq === 2,
      ),
    );
    await hints.until((events) =>
      events.some((e) => e.event === 'message' && (e.data as { seq: number }).seq === 2),
    );
    expect(await countUnreadConversations({ scope: staff })).toEqual({ conversations: 0 });

    // A booking change at the station reaches the staff stream as a hint.
    await insertBooking(client, {
      stationId,
      customerId: await insertCustomer(client, 'live@example.com'),
      chefId: chefIds[0]!,
      startsAt: new Date(Date.now() + 9 * 86_400_000).toISOString(),
    });
    await hints.until((events) => events.some((e) => e.event === 'bookings'));
    staffLive.abort.abort();
    customerLive.abort.abort();

    // Another station's staff: the same 404 as no conversation at all.
    const elsewhere = await staffScope(client, 'STAFF', await insertStation(client, 'elsewhere'));
    await expect(
      getStaffConversation({ scope: elsewhere, conversationId: conversation.id }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      replyToConversation({
        scope: elsewhere,
        conversationId: conversation.id,
        input: { clientMessageId: randomUUID(), body: 'x' },
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await listConversations({ scope: elsewhere, query: {} })).toEqual([]);
    const chef = { ...staff, role: 'CHEF' as const };
    await expect(listConversations({ scope: chef, query: {} })).rejects.toMatchObject({
      status: 403,
    });
  });

  it('e-mails a reply the customer has not read a minute later, once, and not one they read', async () => {
    const { stationId } = await resetStation(client);
    const staff = await staffScope(client, 'MANAGER', stationId);
    const { conversation, cookie, address: from } = await opened('Hello?');
    for (const body of ['First answer', 'Second answer'])
      await replyToConversation({
        scope: staff,
        conversationId: conversation.id,
        input: { clientMessageId: randomUUID(), body },
      });
    const { sent, transport } = capturingTransport();
    expect(await deliverDueEmails({ transport })).toMatchObject({ sent: 0 });
    await deliverDueEmails({ transport, now: new Date(Date.now() + 120_000) });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: 'casey@example.com' });
    expect(sent[0]!.text).toContain('First answer');
    expect(sent[0]!.text).toContain('Second answer');
    expect(sent[0]!.text).toMatch(new RegExp(`/chat/${conversation.id}\\?key=[A-Za-z0-9_-]{43}`));

    // Read in the widget before the minute is up: no e-mail.
    await replyToConversation({
      scope: staff,
      conversationId: conversation.id,
      input: { clientMessageId: randomUUID(), body: 'Third' },
    });
    await markReadByCustomer({ cookie, address: from, input: { seq: 99 } });
    expect(
      await deliverDueEmails({ transport, now: new Date(Date.now() + 240_000) }),
    ).toMatchObject({ sent: 0, skipped: 1 });
  });

  it('assigns, closes, links a booking of the station only, and a customer message reopens', async () => {
    const { stationId } = await resetStation(client);
    const manager = await staffScope(client, 'MANAGER', stationId);
    const { conversation, cookie, address: from } = await opened('Hi');
    const updated = await updateConversation({
      scope: manager,
      conversationId: conversation.id,
      input: { assignedToId: manager.staffId, status: 'CLOSED' },
    });
    expect(updated).toMatchObject({ status: 'CLOSED', assignedTo: { id: manager.staffId } });
    await expect(
      updateConversation({
        scope: manager,
        conversationId: conversation.id,
        input: { bookingReference: 'HB-NOPE-0000' },
      }),
    ).rejects.toMatchObject({ status: 400, details: { bookingReference: expect.any(Array) } });
    await expect(
      updateConversation({ scope: manager, conversationId: conversation.id, input: {} }),
    ).rejects.toMatchObject({ status: 400 });
    await postCustomerMessage({
      cookie,
      address: from,
      input: { clientMessageId: randomUUID(), body: 'One more thing' },
    });
    expect(
      await getStaffConversation({ scope: manager, conversationId: conversation.id }),
    ).toMatchObject({ status: 'OPEN', unread: 2 });
    const { rows } = await client.query(`SELECT action FROM "AuditLog" WHERE "entityId" = $1`, [
      conversation.id,
    ]);
    expect(rows).toEqual([{ action: 'conversation.updated' }]);
  });

  it('holds at most six streams per address', async () => {
    const { cookie } = await opened();
    const aborts: AbortController[] = [];
    for (let index = 0; index < 6; index += 1) {
      const { request, abort } = streamRequest();
      aborts.push(abort);
      await customerEventStream(request, {
        cookie,
        address: ADDRESS,
        lastEventId: null,
        query: {},
      });
    }
    const { request } = streamRequest();
    await expect(
      customerEventStream(request, { cookie, address: ADDRESS, lastEventId: null, query: {} }),
    ).rejects.toMatchObject({ status: 429 });
    aborts.forEach((abort) => abort.abort());
    const { request: later } = streamRequest();
    const response = await customerEventStream(later, {
      cookie,
      address: ADDRESS,
      lastEventId: null,
      query: {},
    });
    expect(response.headers.get('Content-Type')).toContain('text/event-stream');
    closeLiveStreams();
    reopenLiveHub();
  });
});
