import { describe, expect, it } from 'vitest';
import { toContactLookup } from './contact-values';

describe('looking a returning customer up', () => {
  it('asks by the whole e-mail first, then the whole phone', () => {
    expect(
      toContactLookup('seattle', { email: ' ana@example.com ', phone: '+1 555 010 4444' }),
    ).toEqual({
      email: 'ana@example.com',
    });
    expect(toContactLookup('seattle', { email: 'ana@exa', phone: '+1 555 010 4444' })).toEqual({
      phone: '+1 555 010 4444',
    });
  });

  it('asks nothing for half-typed values (each lookup spends the rate limit)', () => {
    expect(toContactLookup('seattle', { email: 'ana@', phone: '555' })).toBeUndefined();
    expect(toContactLookup('seattle', {})).toBeUndefined();
  });
});
