import { describe, expect, it } from 'vitest';
import { ZAnalyticsQuery } from '@hibachi/core/analytics/analytics.schema';
import { toLookupEmail, toRangeInput } from './dashboard-values';

describe('the dashboard forms', () => {
  it('look up the e-mail without the spaces around it', () => {
    expect(toLookupEmail({ email: '  ana@example.com ' })).toBe('ana@example.com');
  });

  it('send the custom range for the API rule to check (the end before the start refused)', () => {
    const range = toRangeInput({ from: '2026-03-01', to: '2026-02-01' });
    expect(range).toEqual({ from: '2026-03-01', to: '2026-02-01' });
    expect(ZAnalyticsQuery.safeParse(range).success).toBe(false);
  });
});
