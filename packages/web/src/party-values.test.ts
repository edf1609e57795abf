import { describe, expect, it } from 'vitest';
import { toParty } from './party-menu-editor';

describe('the party of the party-and-menu form', () => {
  it('reads whole numbers, and anything else as NaN', () => {
    expect(toParty({ adults: '6', children: ' 2 ' })).toEqual({ adults: 6, children: 2 });
    expect(toParty({ adults: '2.5', children: '' })).toEqual({
      adults: Number.NaN,
      children: Number.NaN,
    });
    expect(toParty({})).toEqual({ adults: Number.NaN, children: Number.NaN });
  });
});
