import { describe, expect, it } from 'vitest';

import { DEFAULT_AFTER_SIGN_IN, safeNext } from './safe-next';

describe('safeNext', () => {
  it.each(['/bookings', '/calendar?view=week&date=2026-12-01', '/bookings/abc#history'])(
    'follows the same-site path %s',
    (path) => expect(safeNext(path)).toBe(path),
  );

  it.each([
    undefined,
    null,
    '',
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    '/\\/evil.example',
    '/%0a/evil.example'.replace('%0a', '\n'),
    '/\t/evil.example',
    'javascript:alert(1)',
  ])('refuses %j and goes to the default page', (next) => {
    expect(safeNext(next)).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});
