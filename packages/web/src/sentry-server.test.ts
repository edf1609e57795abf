import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Sentry from '@sentry/nextjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportError } from '@hibachi/core/errors';
import { initServerSentry } from './sentry-server';

/** A local stand-in for Sentry's ingest endpoint: keeps every envelope the real SDK posts. */
let ingest: Server;
const envelopes: string[] = [];
let dsn = '';

beforeAll(async () => {
  ingest = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      envelopes.push(Buffer.concat(chunks).toString('utf8'));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => ingest.listen(0, '127.0.0.1', resolve));
  dsn = `http://publickey@127.0.0.1:${(ingest.address() as AddressInfo).port}/1`;
});
afterAll(async () => {
  await Sentry.close(2_000);
  await new Promise<void>((resolve) => ingest.close(() => resolve()));
});

describe('server-side Sentry', () => {
  it('reports core errors with the request id and route, with customer data masked', async () => {
    initServerSentry('customer', dsn);
    reportError(new Error('no booking for pat.owner@example.com, phone +1 555 010 2000'), {
      requestId: 'req-1234abcd',
      path: '/api/bookings',
      method: 'POST',
    });
    await Sentry.flush(5_000);
    await expect.poll(() => envelopes.length, { timeout: 10_000 }).toBeGreaterThan(0);

    const sent = envelopes.join('\n');
    expect(sent).toContain('"request_id":"req-1234abcd"');
    expect(sent).toContain('"app":"customer"');
    expect(sent).toContain('"path":"/api/bookings"');
    expect(sent).toContain('no booking for [email], phone [number]');
    expect(sent).not.toContain('pat.owner');
    expect(sent).not.toContain('555 010');
  });
});
