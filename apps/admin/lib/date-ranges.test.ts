import { describe, expect, it } from 'vitest';
import { daysIn, presetRange, previousRange, todayIn } from './date-ranges';

describe('dashboard ranges', () => {
  it.each([
    ['this-week', '2026-11-22', { from: '2026-11-16', to: '2026-11-22' }], // a Sunday
    ['this-week', '2026-11-16', { from: '2026-11-16', to: '2026-11-16' }], // a Monday
    ['last-30-days', '2026-03-01', { from: '2026-01-31', to: '2026-03-01' }],
    ['this-quarter', '2026-11-22', { from: '2026-10-01', to: '2026-11-22' }],
    ['this-quarter', '2026-03-31', { from: '2026-01-01', to: '2026-03-31' }],
    ['year-to-date', '2028-02-29', { from: '2028-01-01', to: '2028-02-29' }],
  ] as const)('%s on %s', (preset, today, range) => {
    expect(presetRange(preset, today)).toEqual(range);
  });

  it('the previous period has the same length and ends the day before', () => {
    expect(previousRange({ from: '2026-03-01', to: '2026-03-10' })).toEqual({
      from: '2026-02-19',
      to: '2026-02-28',
    });
    const range = { from: '2028-01-01', to: '2028-02-29' };
    expect(daysIn(previousRange(range))).toBe(daysIn(range));
  });

  it("today in a zone is that zone's date", () => {
    const instant = new Date('2026-11-22T03:30:00Z');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-11-21');
    expect(todayIn('Asia/Tokyo', instant)).toBe('2026-11-22');
  });
});
