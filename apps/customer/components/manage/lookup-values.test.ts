import { describe, expect, it } from 'vitest';
import { toLookupInput } from './lookup-values';

describe('the booking lookup', () => {
  it('reads the reference in upper case and both without the spaces around them', () => {
    expect(toLookupInput({ reference: ' hb-7k3p9q ', email: ' ana@example.com ' })).toEqual({
      reference: 'HB-7K3P9Q',
      email: 'ana@example.com',
    });
    expect(toLookupInput({})).toEqual({ reference: '', email: '' });
  });
});
