import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EnvError, parseServerEnv, requireAuthSecret, ZServerEnv } from '.';

const DATA_KEYS = {
  DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  DATA_INDEX_KEY: 'i'.repeat(32),
};

describe('parseServerEnv', () => {
  it('rejects a malformed DATABASE_URL, naming the variable', () => {
    expect(() => parseServerEnv({ DATABASE_URL: 'not-a-url' })).toThrow(EnvError);
    expect(() => parseServerEnv({ DATABASE_URL: 'not-a-url' })).toThrow(/DATABASE_URL/);
    expect(() => parseServerEnv({ DATABASE_URL: 'mysql://db.example.com/app' })).toThrow(
      /DATABASE_URL/,
    );
  });

  it('names every bad variable at once', () => {
    try {
      parseServerEnv({ DATABASE_URL: 'nope', LOG_LEVEL: 'loud', EMBEDDED_PG_PORT: '80' });
      expect.unreachable();
    } catch (error) {
      expect((error as EnvError).issues.map((issue) => issue.variable).sort()).toEqual([
        'DATABASE_URL',
        'EMBEDDED_PG_PORT',
        'LOG_LEVEL',
      ]);
    }
  });

  it('requires DATABASE_URL and BOOKING_TOKEN_SECRET in production', () => {
    expect(() => parseServerEnv({ NODE_ENV: 'production' })).toThrow(
      /DATABASE_URL is required in production/,
    );
    expect(() =>
      parseServerEnv({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/x',
        PAYMENT_SIMULATOR: 'true',
      }),
    ).toThrow(/BOOKING_TOKEN_SECRET is required/);
    expect(() => parseServerEnv({ BOOKING_TOKEN_SECRET: 'short' })).toThrow(
      /BOOKING_TOKEN_SECRET must be at least 32/,
    );
  });

  it('requires the data encryption and blind index keys in production, and checks their form', () => {
    const base = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://db.internal/hibachi',
      BOOKING_TOKEN_SECRET: 'x'.repeat(32),
      PAYMENT_SIMULATOR: 'true',
    };
    expect(() => parseServerEnv(base)).toThrow(
      /DATA_ENCRYPTION_KEYS is required in production; DATA_INDEX_KEY is required in production/,
    );
    expect(() => parseServerEnv({ ...base, ...DATA_KEYS, DATA_INDEX_KEY: 'short' })).toThrow(
      /DATA_INDEX_KEY must be at least 32/,
    );
    expect(parseServerEnv({ ...base, ...DATA_KEYS }).DATA_ENCRYPTION_KEYS).toBe(
      DATA_KEYS.DATA_ENCRYPTION_KEYS,
    );
    // Development gets fixed dev-only keys, like the other secrets.
    expect(parseServerEnv({}).DATA_ENCRYPTION_KEYS).toMatch(/^dev1:/);
  });

  it('requires AUTH_SECRET (admin sessions) in production only, 32+ characters', () => {
    const production = parseServerEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/x',
      BOOKING_TOKEN_SECRET: 'x'.repeat(32),
      ...DATA_KEYS,
      PAYMENT_SIMULATOR: 'true',
    });
    expect(() => requireAuthSecret(production)).toThrow(/AUTH_SECRET is required in production/);
    expect(requireAuthSecret({ ...production, AUTH_SECRET: 'y'.repeat(32) })).toBe('y'.repeat(32));
    expect(requireAuthSecret(parseServerEnv({ NODE_ENV: 'development' }))).toMatch(
      /development-only/,
    );
    expect(() => parseServerEnv({ AUTH_SECRET: 'short' })).toThrow(
      /AUTH_SECRET must be at least 32/,
    );
  });

  it('refuses the payment simulator in production unless explicitly enabled, and half-configured Stripe', () => {
    const base = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/x',
      BOOKING_TOKEN_SECRET: 'x'.repeat(32),
      ...DATA_KEYS,
    };
    expect(() => parseServerEnv(base)).toThrow(/STRIPE_SECRET_KEY is required in production/);
    expect(
      parseServerEnv({ ...base, PAYMENT_SIMULATOR: 'true' }).STRIPE_SECRET_KEY,
    ).toBeUndefined();
    expect(() => parseServerEnv({ STRIPE_SECRET_KEY: 'sk_test_1' })).toThrow(
      /STRIPE_WEBHOOK_SECRET must be set together/,
    );
    expect(() =>
      parseServerEnv({ STRIPE_SECRET_KEY: 'pk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' }),
    ).toThrow(/STRIPE_SECRET_KEY must be a Stripe secret key/);
  });

  it('falls back to the embedded database outside production', () => {
    expect(parseServerEnv({ NODE_ENV: 'development' }).DATABASE_URL).toBe(
      'postgresql://hibachi:hibachi-local-dev@localhost:54329/hibachi',
    );
    expect(parseServerEnv({ EMBEDDED_PG_PORT: '55000', DATABASE_URL: '' }).DATABASE_URL).toContain(
      'localhost:55000',
    );
  });

  it('accepts any PostgreSQL URL', () => {
    const env = parseServerEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://app:secret@db.internal:5432/hibachi',
      BOOKING_TOKEN_SECRET: 'x'.repeat(32),
      ...DATA_KEYS,
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_123',
    });
    expect(env.DATABASE_URL).toBe('postgres://app:secret@db.internal:5432/hibachi');
    expect(env.LOG_LEVEL).toBe('info');
  });

  it('takes an smtp:// or smtps:// SMTP_URL and a sender address, refusing anything else', () => {
    expect(parseServerEnv({ SMTP_URL: 'smtps://user:pw@mail.example.com:465' }).SMTP_URL).toBe(
      'smtps://user:pw@mail.example.com:465',
    );
    expect(parseServerEnv({}).SMTP_URL).toBeUndefined();
    expect(() => parseServerEnv({ SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL/);
    expect(parseServerEnv({ EMAIL_FROM: 'Grill <grill@example.com>' }).EMAIL_FROM).toBe(
      'Grill <grill@example.com>',
    );
    expect(() => parseServerEnv({ EMAIL_FROM: 'Grill\r\nBcc: x@example.com' })).toThrow(
      /EMAIL_FROM/,
    );
  });

  it('.env.example documents every variable the apps read', () => {
    const example = readFileSync(new URL('../../../../.env.example', import.meta.url), 'utf8');
    const missing = Object.keys(ZServerEnv.shape).filter(
      (variable) => !new RegExp(`^#? ?${variable}=`, 'm').test(example),
    );
    expect(missing).toEqual([]);
  });

  it('.env.example explains every variable in a comment above it (the one table of them)', () => {
    const lines = readFileSync(new URL('../../../../.env.example', import.meta.url), 'utf8').split(
      '\n',
    );
    const unexplained = Object.keys(ZServerEnv.shape).filter((variable) => {
      const at = lines.findIndex((line) => new RegExp(`^#? ?${variable}=`).test(line));
      let above = at - 1;
      // Variables of one group share the comment above the group.
      while (above >= 0 && /^#? ?[A-Z_]+=/.test(lines[above]!)) above -= 1;
      return at < 0 || above < 0 || !lines[above]!.startsWith('# ');
    });
    expect(unexplained).toEqual([]);
  });
});
