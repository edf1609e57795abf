import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../fetch-json';
import { hasFieldErrors, toFieldErrors, toFieldName } from './field-errors';

describe('toFieldErrors', () => {
  it('reads a 400 answer as messages per form field, list items named as the form names them', () => {
    const refusal = new ApiError(400, 'VALIDATION_FAILED', 'Check the highlighted fields.', {
      adultPriceCents: ['Enter an amount'],
      'travelZones.1.feeCents': ['Enter a fee', 'Enter a fee'],
      'customer.email': ['Enter a valid e-mail address'],
    });
    expect(toFieldErrors(refusal)).toEqual({
      adultPriceCents: ['Enter an amount'],
      'travelZones[1].feeCents': ['Enter a fee'],
      'customer.email': ['Enter a valid e-mail address'],
    });
    expect(hasFieldErrors(refusal)).toBe(true);
  });

  it('reads a zod error from a check in the browser the same way', () => {
    const schema = z.strictObject({ zones: z.array(z.object({ fee: z.number('Enter a fee') })) });
    const checked = schema.safeParse({ zones: [{ fee: 1 }, { fee: 'x' }], extra: 1 });
    expect(checked.success).toBe(false);
    expect(toFieldErrors(checked.error)).toEqual({
      'zones[1].fee': ['Enter a fee'],
      extra: ['Unknown field'],
    });
  });

  it('has no field messages for a refusal that is not about fields', () => {
    const conflict = new ApiError(409, 'CONFLICT', 'Someone else changed it.', {
      reason: 'STALE_VERSION',
    });
    expect(toFieldErrors(conflict)).toEqual({});
    expect(toFieldErrors(new Error('offline'))).toEqual({});
    expect(toFieldErrors(null)).toEqual({});
    expect(hasFieldErrors(conflict)).toBe(false);
  });

  it('keeps a field called __proto__ as a field', () => {
    const errors = toFieldErrors(
      new ApiError(400, 'VALIDATION_FAILED', 'No.', JSON.parse('{"__proto__":["Unknown field"]}')),
    );
    expect(Object.keys(errors)).toEqual(['__proto__']);
    expect(errors.__proto__).toEqual(['Unknown field']);
  });

  it('names nested list items with brackets only where the path has an index', () => {
    expect(toFieldName('menu.0.quantity')).toBe('menu[0].quantity');
    expect(toFieldName('travelZones.12')).toBe('travelZones[12]');
    expect(toFieldName('address.line2')).toBe('address.line2');
  });
});
