import { describe, expect, it } from 'vitest';
import { AppError, toErrorResponse, translateDatabaseError } from '.';

describe('error envelope', () => {
  it('maps each code to its status and writes the envelope with the request id', async () => {
    const cases: [ConstructorParameters<typeof AppError>[0], number][] = [
      ['VALIDATION_FAILED', 400],
      ['UNAUTHENTICATED', 401],
      ['FORBIDDEN', 403],
      ['NOT_FOUND', 404],
      ['CONFLICT', 409],
      ['PAYLOAD_TOO_LARGE', 413],
      ['UNSUPPORTED_MEDIA_TYPE', 415],
      ['RATE_LIMITED', 429],
      ['INTERNAL', 500],
      ['UNAVAILABLE', 503],
    ];
    for (const [code, status] of cases) {
      const { response } = toErrorResponse(
        new AppError(code, 'msg', { details: { field: ['bad'] } }),
        'req-12345678',
      );
      expect(response.status).toBe(status);
      expect(response.headers.get('X-Request-Id')).toBe('req-12345678');
      expect(await response.json()).toEqual({
        error: { code, message: 'msg', details: { field: ['bad'] }, requestId: 'req-12345678' },
      });
    }
  });

  it('hides unknown errors behind a generic 500 without the message or stack', async () => {
    const { response } = toErrorResponse(
      new Error('secret: password=hunter2 at db.ts:12'),
      'req-12345678',
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('db.ts');
    expect(JSON.parse(text).error.code).toBe('INTERNAL');
  });

  it('passes extra headers such as Retry-After', () => {
    const { response } = toErrorResponse(
      new AppError('RATE_LIMITED', 'Slow down', { headers: { 'Retry-After': '30' } }),
      'r-12345678',
    );
    expect(response.headers.get('Retry-After')).toBe('30');
  });
});

describe('translateDatabaseError', () => {
  it('finds the SQLSTATE however deep the driver adapter nests it', () => {
    const prismaLike = {
      code: 'P2039',
      meta: {
        driverAdapterError: {
          cause: {
            originalCode: '23P01',
            originalMessage: 'conflicting key value violates exclusion constraint',
          },
        },
      },
    };
    expect(translateDatabaseError(prismaLike)?.code).toBe('CONFLICT');
    expect(translateDatabaseError({ code: '23505' })?.details).toEqual({ reason: 'DUPLICATE' });
  });

  it('maps unreachable databases to UNAVAILABLE and ignores everything else', () => {
    expect(
      translateDatabaseError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))?.status,
    ).toBe(503);
    expect(translateDatabaseError({ cause: { kind: 'DatabaseNotReachable' } })?.code).toBe(
      'UNAVAILABLE',
    );
    // node-postgres's pool, passed through by the adapter without a code
    for (const message of [
      'timeout exceeded when trying to connect',
      'Connection terminated unexpectedly',
      'Connection terminated due to connection timeout',
      // a query sent on a connection that has just failed (PostgreSQL stopping)
      'Client has encountered a connection error and is not queryable',
    ])
      expect(translateDatabaseError(new Error(message))?.status).toBe(503);
    expect(translateDatabaseError(new Error('boom'))).toBeUndefined();
    // (a query on a client the code itself ended is a bug: a 500 that reaches Sentry)
    expect(
      translateDatabaseError(new Error('Client was closed and is not queryable')),
    ).toBeUndefined();
    expect(translateDatabaseError('text')).toBeUndefined();
  });

  it('maps a write that kept losing to concurrent ones (deadlock, serialization) to 503', () => {
    for (const error of [
      { code: 'P2034', meta: { driverAdapterError: { cause: { originalCode: '40P01' } } } },
      { code: '40001' },
    ])
      expect(translateDatabaseError(error)).toMatchObject({
        code: 'UNAVAILABLE',
        headers: { 'Retry-After': '1' },
      });
  });
});
