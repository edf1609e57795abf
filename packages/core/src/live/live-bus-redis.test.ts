import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect } from '../../test/database';
import { resetStation, STATION } from '../../test/booking-fixtures';
import { startListening } from '../../test/changes';
import { startRedisServer } from '../../test/redis-server';
import { readEvents } from '../../test/sse';

/** The environment is read once, at the first import: Redis's port is chosen before that. */
const PORT = vi.hoisted(async () => {
  const { pickPortSync } = await import('../../test/pick-port');
  const port = pickPortSync();
  process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
  return port;
});

/** With REDIS_URL set, messages fan out through Redis pub/sub (a real redis-server, started here). */
describe('live bus (Redis)', () => {
  let server: ChildProcess;
  let port: number;

  beforeAll(async () => {
    port = await PORT;
    server = await startRedisServer(port);
  });

  afterAll(async () => {
    const { stopLiveBus } = await import('./live-bus');
    const { closeLiveStreams, reopenLiveHub } = await import('./live-hub');
    closeLiveStreams();
    reopenLiveHub();
    await stopLiveBus();
    const { stopChangeListener } = await import('../db/change-listener');
    await stopChangeListener();
    server.kill();
  });

  it('delivers a message to an open stream through Redis, and nothing of it through PostgreSQL', async () => {
    const { startConversation, postCustomerMessage, customerEventStream } =
      await import('../conversations');
    const client = await connect();
    await resetStation(client);
    await client.end();
    await startListening();
    // A listener of our own on the PostgreSQL channel: message announcements must not appear there.
    const heard: string[] = [];
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    await listener.query('LISTEN live_event');
    listener.on('notification', (message) => heard.push(message.payload ?? ''));
    const redis = new Redis({ port });
    const published: string[] = [];
    await redis.subscribe('hibachi:live');
    redis.on('message', (_channel: string, payload: string) => published.push(payload));

    const { cookie } = await startConversation({
      address: '192.0.2.50',
      input: { station: STATION, name: 'Redis Reader', email: 'redis@example.com' },
    });
    const abort = new AbortController();
    const stream = readEvents(
      await customerEventStream(new Request('http://test/events', { signal: abort.signal }), {
        cookie,
        address: '192.0.2.50',
        lastEventId: null,
        query: {},
      }),
    );
    // The subscriber connects asynchronously: a message posted before it is caught up anyway.
    await postCustomerMessage({
      cookie,
      address: '192.0.2.50',
      input: { clientMessageId: randomUUID(), body: 'via redis' },
    });
    await stream.until((events) => events.some((event) => event.event === 'message'));
    await postCustomerMessage({
      cookie,
      address: '192.0.2.50',
      input: { clientMessageId: randomUUID(), body: 'second' },
    });
    await stream.until(
      (events) => events.filter((event) => event.event === 'message').length === 2,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(published.map((payload) => (JSON.parse(payload) as { k: string }).k)).toContain(
      'message',
    );
    expect(published.join(' ')).not.toContain('via redis');
    expect(heard.filter((payload) => payload.includes('"message"'))).toEqual([]);
    abort.abort();
    await Promise.all([listener.end(), redis.quit()]);
  });
});
