import { describe, expect, it } from 'vitest';
import { toDbDate, toLocalDate } from './db-date';
import { addDays } from './zoned';

describe('local date ↔ @db.Date', () => {
  it('stores a local date as midnight UTC of that day', () => {
    expect(toDbDate('2026-12-07').toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(toLocalDate(new Date('2026-12-07T00:00:00.000Z'))).toBe('2026-12-07');
  });

  it('keeps leap days and the days either side of them', () => {
    for (const date of ['2028-02-28', '2028-02-29', '2028-03-01', '2000-02-29'])
      expect(toLocalDate(toDbDate(date))).toBe(date);
    expect(toDbDate('2028-02-29').getTime() - toDbDate('2028-02-28').getTime()).toBe(86_400_000);
  });

  it('keeps the dates clocks change on: a stored day is always 24 hours long', () => {
    // US and EU spring-forward and fall-back dates of 2026, and Sydney's.
    for (const date of ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01', '2026-04-05']) {
      expect(toLocalDate(toDbDate(date))).toBe(date);
      expect(toDbDate(addDays(date, 1)).getTime() - toDbDate(date).getTime()).toBe(86_400_000);
    }
  });

  it('round-trips every day of four years, one of them a leap year', () => {
    let date = '2026-01-01';
    let days = 0;
    while (date < '2030-01-01') {
      expect(toLocalDate(toDbDate(date))).toBe(date);
      date = addDays(date, 1);
      days += 1;
    }
    expect(days).toBe(365 * 3 + 366);
  });
});
