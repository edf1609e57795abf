import { afterEach, describe, expect, it } from 'vitest';
import { createRouteHandler } from '../http';
import { AppError } from './app-error';
import { redactPii } from './redact-pii';
import { reportError, setErrorReporter, type ErrorReportContext } from './report-error';

describe('error reporting', () => {
  afterEach(() => setErrorReporter(undefined));

  it('reports a bug in a route with its request id, and not expected failures', async () => {
    const reports: [unknown, ErrorReportContext][] = [];
    setErrorReporter((error, context) => reports.push([error, context]));
    const bug = new TypeError('cannot read properties of undefined');
    const failing = (error: unknown) =>
      createRouteHandler(async () => {
        throw error;
      });

    const response = await failing(bug)(
      new Request('http://localhost/api/bookings?email=pat@example.com', {
        method: 'POST',
        headers: { 'x-request-id': 'req-12345678' },
      }),
    );
    expect(response.status).toBe(500);
    expect(reports).toEqual([
      [bug, { requestId: 'req-12345678', path: '/api/bookings', method: 'POST' }],
    ]);

    const slotTaken = Object.assign(new Error('exclusion'), { code: '23P01' });
    const databaseDown = Object.assign(new Error('connect'), { code: 'ECONNREFUSED' });
    for (const expected of [new AppError('CONFLICT', 'Taken.'), slotTaken, databaseDown])
      await failing(expected)(new Request('http://localhost/api/x'));
    expect(reports).toHaveLength(1);
  });

  it('never lets a broken reporter break the request', async () => {
    setErrorReporter(() => {
      throw new Error('reporter down');
    });
    expect(() => reportError(new Error('x'), {})).not.toThrow();
    const response = await createRouteHandler(async () => {
      throw new Error('bug');
    })(new Request('http://localhost/api/x'));
    expect(response.status).toBe(500);
  });

  it('masks e-mail addresses and phone numbers in text', () => {
    expect(
      redactPii('duplicate key (email)=(pat.o+grill@example.co.uk) phone +1 (555) 010-2000 id 42'),
    ).toBe('duplicate key (email)=([email]) phone [number] id 42');
    expect(redactPii('No slot 13:00 on 2026-12-12 (booking 12345678)')).toBe(
      'No slot 13:00 on 2026-12-12 (booking 12345678)',
    );
    expect(redactPii('call 020 7946 0958 or +44.20.7946.0958')).toBe('call [number] or [number]');
  });
});
