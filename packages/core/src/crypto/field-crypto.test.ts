import { describe, expect, it, vi } from 'vitest';

const keys = vi.hoisted(() => {
  const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');
  process.env.DATA_ENCRYPTION_KEYS = `k1:${key(1)},*k2:${key(2)}`;
  return { k1: key(1), k2: key(2) };
});

import { parseKeyRing } from './key-ring';
import {
  blindIndex,
  currentKeyId,
  open,
  openDeep,
  seal,
  sealedKeyId,
  sealUnder,
  SealedValueError,
} from './field-crypto';

describe('field encryption', () => {
  it('seals under the current key with a fresh IV, and opens again', () => {
    expect(currentKeyId()).toBe('k2');
    const first = seal('Jamie Rivera');
    const second = seal('Jamie Rivera');
    expect(first).toMatch(/^enc:v1:k2:[A-Za-z0-9_-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('Jamie');
    expect(open(first)).toBe('Jamie Rivera');
    expect(open(seal(''))).toBe('');
    expect(open(seal('Straße 5 — 東京'))).toBe('Straße 5 — 東京');
  });

  it('opens values under an older listed key; plain text from before encryption passes', () => {
    const old = sealUnder(parseKeyRing(`k1:${keys.k1}`).current, '12 Elm Street');
    expect(sealedKeyId(old)).toBe('k1');
    expect(open(old)).toBe('12 Elm Street');
    expect(open('written before encryption')).toBe('written before encryption');
  });

  it('refuses an altered value, one under an unlisted key, and one passed off as another key', () => {
    const value = seal('secret');
    const body = value.slice('enc:v1:k2:'.length);
    const flipped = `${body.slice(0, 20)}${body[20] === 'A' ? 'B' : 'A'}${body.slice(21)}`;
    expect(() => open(`enc:v1:k2:${flipped}`)).toThrow(SealedValueError);
    expect(() => open(`enc:v1:k9:${body}`)).toThrow(/key k9, not in DATA_ENCRYPTION_KEYS/);
    // The key id is authenticated: relabelling a k2 value as k1 fails its check.
    expect(() => open(`enc:v1:k1:${body}`)).toThrow(/integrity/);
    expect(() => open('enc:v1:k2:AAAA')).toThrow(/truncated/);
  });

  it('opens every sealed string inside a result: rows, relations, JSON; leaves the rest alone', () => {
    const when = new Date('2026-12-01T12:00:00Z');
    const result = openDeep({
      rows: [{ name: seal('Sam'), count: 3, at: when, customer: { email: seal('sam@x.test') } }],
      json: { top: [{ email: seal('a@x.test') }] },
      plain: 'plain',
      nothing: null,
    });
    expect(result).toEqual({
      rows: [{ name: 'Sam', count: 3, at: when, customer: { email: 'sam@x.test' } }],
      json: { top: [{ email: 'a@x.test' }] },
      plain: 'plain',
      nothing: null,
    });
    expect(result.rows[0]!.at).toBe(when);
  });

  it('indexes e-mails and phones by their normalised form, keyed (no plain hash)', () => {
    expect(blindIndex('email', ' Jo@Example.COM ')).toBe(blindIndex('email', 'jo@example.com'));
    expect(blindIndex('phone', '+1 (312) 555-0100')).toBe(blindIndex('phone', '+13125550100'));
    expect(blindIndex('phone', '3125550100')).not.toBe(blindIndex('phone', '+13125550100'));
    expect(blindIndex('email', 'jo@example.com')).not.toBe(blindIndex('phone', 'jo@example.com'));
    expect(blindIndex('email', 'jo@example.com')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('DATA_ENCRYPTION_KEYS', () => {
  const key = Buffer.alloc(32, 7).toString('base64');
  it('takes a single key as current, or the one marked *', () => {
    expect(parseKeyRing(`only:${key}`).current.id).toBe('only');
    expect(parseKeyRing(`a:${key}, *b:${key}`).current.id).toBe('b');
  });
  it('refuses a malformed list with a clear message', () => {
    expect(() => parseKeyRing('')).toThrow(/at least one key/);
    expect(() => parseKeyRing('a:short')).toThrow(/id:base64 of 32 bytes/);
    expect(() => parseKeyRing(`a:${key},b:${key}`)).toThrow(/mark the current key/);
    expect(() => parseKeyRing(`*a:${key},*b:${key}`)).toThrow(/more than one key current/);
    expect(() => parseKeyRing(`a:${key},a:${key}`)).toThrow(/twice/);
  });
});
