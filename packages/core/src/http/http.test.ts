import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../errors';
import { accessLog } from '../logger';
import { createRouteHandler, ok, readJsonBody, resolveRequestId } from '.';

const post = (
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) => new Request('http://localhost/api/things?email=a@b.c', { method: 'POST', body, headers });

describe('createRouteHandler', () => {
  it('echoes a valid incoming request id and wraps success', async () => {
    const handler = createRouteHandler(async () => ok({ hello: 'world' }, { status: 201 }));
    const response = await handler(
      new Request('http://localhost/api/x', { headers: { 'x-request-id': 'abc-12345678' } }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('X-Request-Id')).toBe('abc-12345678');
    expect(await response.json()).toEqual({ data: { hello: 'world' } });
  });

  it('replaces a malformed request id and turns thrown AppErrors into the envelope', async () => {
    const handler = createRouteHandler(async () => {
      throw new AppError('NOT_FOUND', 'No such booking.');
    });
    const response = await handler(
      new Request('http://localhost/api/x', { headers: { 'x-request-id': 'bad id <script>' } }),
    );
    const body = (await response.json()) as { error: { requestId: string } };
    expect(response.status).toBe(404);
    expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('X-Request-Id')).toBe(body.error.requestId);
  });

  it('writes one access line per request: id, method, path without the query, status', async () => {
    const write = vi.spyOn(accessLog, 'write').mockImplementation(() => undefined);
    try {
      const handler = createRouteHandler(async () => {
        throw new AppError('CONFLICT', 'Taken.');
      });
      const response = await handler(
        post('{}', { 'content-type': 'application/json', 'x-request-id': 'abc-12345678' }),
      );
      expect(response.status).toBe(409);
      expect(write).toHaveBeenCalledOnce();
      expect(write.mock.calls[0]![0]).toEqual({
        requestId: 'abc-12345678',
        method: 'POST',
        path: '/api/things',
        status: 409,
        ms: expect.any(Number),
      });
    } finally {
      write.mockRestore();
    }
  });

  it('passes route params through', async () => {
    const handler = createRouteHandler<{ id: string }>(async (_request, { params }) => ok(params));
    const response = await handler(new Request('http://localhost/api/x'), {
      params: Promise.resolve({ id: '42' }),
    });
    expect(await response.json()).toEqual({ data: { id: '42' } });
  });

  it('refuses cross-site mutations before the handler runs; same-site, Origin-less and reads pass', async () => {
    let calls = 0;
    const handler = createRouteHandler(async () => {
      calls += 1;
      return ok({ done: true });
    });
    const request = (method: string, headers: Record<string, string>) =>
      new Request('http://localhost:3000/api/x', {
        method,
        headers: { host: 'localhost:3000', ...headers },
      });
    const refused = await handler(request('POST', { origin: 'https://evil.example' }));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect((await handler(request('DELETE', { origin: 'not a url' }))).status).toBe(403);
    expect(calls).toBe(0);
    expect((await handler(request('POST', { origin: 'http://localhost:3000' }))).status).toBe(200);
    expect((await handler(request('POST', {}))).status).toBe(200);
    expect((await handler(request('GET', { origin: 'https://evil.example' }))).status).toBe(200);
    expect(calls).toBe(3);
  });
});

describe('readJsonBody', () => {
  it('parses JSON', async () => {
    expect(await readJsonBody(post('{"a":1}'))).toEqual({ a: 1 });
  });

  it('answers 415 for other content types, 400 for broken JSON and 413 for oversize bodies', async () => {
    await expect(
      readJsonBody(post('a=1', { 'content-type': 'application/x-www-form-urlencoded' })),
    ).rejects.toMatchObject({ status: 415 });
    await expect(readJsonBody(post('{"a":'))).rejects.toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    await expect(
      readJsonBody(post(JSON.stringify({ a: 'x'.repeat(70_000) }))),
    ).rejects.toMatchObject({ status: 413 });
    await expect(readJsonBody(post('{"a":"xxxxxxxxxx"}'), 5)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });
});

describe('resolveRequestId', () => {
  it('keeps safe ids and replaces unsafe or missing ones', () => {
    expect(resolveRequestId('trace-0123456789')).toBe('trace-0123456789');
    expect(resolveRequestId('short')).not.toBe('short');
    expect(resolveRequestId(null)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
