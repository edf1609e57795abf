import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnswerMismatchError, createApiClient, operationUrl } from './api-client';
import { ApiError } from './fetch-json';

const OPERATIONS = {
  note: {
    method: 'patch',
    path: '/api/things/{id}/notes',
    summary: 'Save a note',
    tag: 'Things',
    body: z.strictObject({ notes: z.string().max(10), version: z.number().int() }),
    response: z.object({ id: z.string(), version: z.number().int() }),
    errors: [],
  },
  things: {
    method: 'get',
    path: '/api/things',
    summary: 'List things',
    tag: 'Things',
    query: z.object({ from: z.string(), limit: z.coerce.number().optional() }),
    response: z.object({ items: z.array(z.string()) }),
    errors: [],
  },
  /** The server answers `items: ['x']` where this schema wants numbers: a server/list mismatch. */
  counts: {
    method: 'get',
    path: '/api/counts',
    summary: 'Count things',
    tag: 'Things',
    response: z.object({ version: z.number().int(), items: z.array(z.number()) }),
    errors: [],
  },
} as const;

type Seen = { method?: string; url?: string; headers: IncomingHttpHeaders; body: string };
const seen: Seen[] = [];
let server: Server;
let api: ReturnType<typeof createApiClient<typeof OPERATIONS>>;
let trusting: ReturnType<typeof createApiClient<typeof OPERATIONS>>;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data: { id: 'a b', version: 2, items: ['x'] } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  api = createApiClient(OPERATIONS, { baseUrl: `http://127.0.0.1:${port}` });
  trusting = createApiClient(OPERATIONS, {
    baseUrl: `http://127.0.0.1:${port}`,
    checkAnswers: false,
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the typed API client', () => {
  it('sends each call with its operation: method, path names encoded, JSON body, headers', async () => {
    const answerData = await api.note({
      path: { id: 'a b/c' },
      body: { notes: 'hi', version: 1 },
      headers: { 'Idempotency-Key': 'k-1' },
    });
    expect(answerData).toMatchObject({ id: 'a b', version: 2 });
    expect(seen.at(-1)).toMatchObject({
      method: 'PATCH',
      url: '/api/things/a%20b%2Fc/notes',
      body: '{"notes":"hi","version":1}',
      headers: { 'idempotency-key': 'k-1', 'content-type': 'application/json' },
    });
  });

  it('writes the query from an object or URLSearchParams, leaving out empty values', async () => {
    await api.things({ query: { from: '2027-01-01', limit: undefined } });
    expect(seen.at(-1)).toMatchObject({
      method: 'GET',
      url: '/api/things?from=2027-01-01',
      body: '',
    });
    await api.things({ query: new URLSearchParams({ from: 'x', limit: '5' }) });
    expect(seen.at(-1)?.url).toBe('/api/things?from=x&limit=5');
  });

  it("refuses a body its schema refuses with the API's 400 shape, and sends nothing", async () => {
    const before = seen.length;
    const refused = await api
      .note({ path: { id: '1' }, body: { notes: 'far too long a note', version: 1 } })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect((refused as ApiError).details?.notes).toBeDefined();
    expect(seen).toHaveLength(before);
  });

  it('checks each answer against its schema in tests, and hands back the data as it came', async () => {
    const things = await api.things({ query: { from: 'x' } });
    // The schema accepts the answer; the extra fields the server sent are not stripped.
    expect(things).toEqual({ id: 'a b', version: 2, items: ['x'] });
  });

  it('throws naming the operation and the bad field when an answer does not match', async () => {
    const refused = await api.counts().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AnswerMismatchError);
    expect((refused as Error).message).toMatch(
      /^The answer of counts \(GET \/api\/counts\) does not match its schema: items\.0: /,
    );
    expect((refused as AnswerMismatchError).issues).toEqual([
      { path: 'items.0', message: expect.stringMatching(/number/) },
    ]);
  });

  it('trusts the server when not checking (production): the same answer passes as it came', async () => {
    await expect(trusting.counts()).resolves.toEqual({ id: 'a b', version: 2, items: ['x'] });
  });

  it('needs every path name', () => {
    expect(() => operationUrl(OPERATIONS.note, { path: {} })).toThrow(/needs id/);
  });

  it('is typed by the operations (checked by tsc)', () => {
    // The checks are the @ts-expect-error lines: tsc fails when a wrong call type-checks.
    const typed = () => {
      // @ts-expect-error the path needs its id
      void api.note({ body: { notes: 'x', version: 1 } });
      // @ts-expect-error the body must fit the schema's input
      void api.note({ path: { id: '1' }, body: { notes: 1, version: 1 } });
      void api.note({ path: { id: '1' }, body: { notes: 'x', version: 1 } }).then((data) => {
        // @ts-expect-error the answer has no such field
        void data.missing;
        return data.version;
      });
    };
    expect(typed).toBeTypeOf('function');
  });
});
