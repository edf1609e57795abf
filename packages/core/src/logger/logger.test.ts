import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createAccessLog, createLogger } from '.';

function capture(level = 'info') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return {
    lines,
    logger: createLogger({ level, destination }),
    accessLog: createAccessLog({ level, destination }),
  };
}

describe('logger', () => {
  it('writes structured JSON with the level name', () => {
    const { lines, logger } = capture();
    logger.info({ requestId: 'r1', status: 200 }, 'request');
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      requestId: 'r1',
      status: 200,
      service: 'hibachi',
    });
  });

  it('redacts personal data and secrets wherever they appear', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        email: 'jo@example.com',
        booking: { phone: '+15551234567', customer: { name: 'Jo' } },
        headers: { authorization: 'Bearer x', cookie: 'sid=1' },
        message: { body: 'my door code is 1234' },
      },
      'something',
    );
    const text = lines.join('');
    for (const secret of [
      'jo@example.com',
      '+15551234567',
      'Jo"',
      'Bearer x',
      'sid=1',
      'door code',
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('writes access lines shaped like the logger lines, and not below its level', () => {
    const line = { requestId: 'r2', method: 'GET', path: '/api/stations', status: 200, ms: 3 };
    const { lines, logger, accessLog } = capture();
    accessLog.write(line);
    logger.info(line, 'request');
    const [access, logged] = lines.map((text) => JSON.parse(text) as Record<string, unknown>);
    expect({ ...access, time: undefined }).toEqual({ ...logged, time: undefined });
    expect(access).toMatchObject({ level: 'info', msg: 'request', service: 'hibachi', ...line });

    const quiet = capture('warn');
    quiet.accessLog.write(line);
    expect(quiet.lines).toEqual([]);
  });
});
