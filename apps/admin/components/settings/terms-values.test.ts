import { describe, expect, it } from 'vitest';
import { TERMS_MAX, ZTermsInput } from '@hibachi/core/terms/terms.schema';
import { termsLength, toTermsInput, toTermsValues } from './terms-values';

describe('the terms editor', () => {
  it('starts at the current text and publishes what is written', () => {
    const body = 'Deposits are refundable up to 48 hours before the event.';
    const values = toTermsValues({ body });
    expect(values).toEqual({ body });
    expect(ZTermsInput.parse(toTermsInput(values))).toEqual({ body });
  });

  it('sends an emptied editor as empty text, which the schema refuses in its words', () => {
    const refused = ZTermsInput.safeParse(toTermsInput({}));
    expect(refused.error?.issues[0]?.message).toBe('Write the terms (at least 20 characters)');
  });

  it('counts characters against the limit', () => {
    expect(termsLength('x'.repeat(1_234))).toEqual({
      words: '1,234 of 20,000 characters',
      over: false,
    });
    expect(termsLength('x'.repeat(TERMS_MAX + 1)).over).toBe(true);
    expect(ZTermsInput.safeParse({ body: 'x'.repeat(TERMS_MAX + 1) }).success).toBe(false);
  });
});
