import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
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

  it('passes route params through', async () => {
    const handler = createRouteHandler<{ id: string }>(async (_request, { params }) => ok(params));
    const response = await handler(new Request('http://localhost/api/x'), {
      params: Promise.resolve({ id: '42' }),
    });
    expect(await response.json()).toEqual({ data: { id: '42' } });
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
