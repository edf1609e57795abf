import { describe, expect, it } from 'vitest';
import { toCustomerLookup } from './customer-lookup-values';

describe('the customer data lookup', () => {
  it('reads a whole e-mail as an e-mail and anything else as a phone', () => {
    expect(toCustomerLookup({ who: ' Ana@Example.com ' })).toEqual({ email: 'Ana@Example.com' });
    expect(toCustomerLookup({ who: '+1 555 123 4567' })).toEqual({ phone: '+1 555 123 4567' });
  });
});
