import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatMinutes,
  instantToLocal,
  isValidTimeZone,
  localToInstant,
  parseLocalTime,
  todayInTimeZone,
} from '.';

describe('station-local time ↔ UTC', () => {
  it('maps a local time to the right instant in several zones', () => {
    expect(
      localToInstant({ date: '2026-07-04', time: '18:00' }, 'America/New_York')?.toISOString(),
    ).toBe('2026-07-04T22:00:00.000Z');
    expect(
      localToInstant({ date: '2026-01-15', time: '18:00' }, 'America/New_York')?.toISOString(),
    ).toBe('2026-01-15T23:00:00.000Z');
    expect(
      localToInstant({ date: '2026-07-04', time: '11:00' }, 'Pacific/Honolulu')?.toISOString(),
    ).toBe('2026-07-04T21:00:00.000Z');
    expect(
      localToInstant({ date: '2026-12-31', time: '22:00' }, 'Australia/Sydney')?.toISOString(),
    ).toBe('2026-12-31T11:00:00.000Z');
  });

  it('returns undefined for a wall time skipped by spring-forward', () => {
    expect(
      localToInstant({ date: '2026-03-08', time: '02:30' }, 'America/New_York'),
    ).toBeUndefined();
    expect(localToInstant({ date: '2026-03-29', time: '01:30' }, 'Europe/London')).toBeUndefined();
  });

  it('resolves a repeated fall-back wall time to the earlier instant', () => {
    expect(
      localToInstant({ date: '2026-11-01', time: '01:30' }, 'America/New_York')?.toISOString(),
    ).toBe('2026-11-01T05:30:00.000Z');
  });

  it('handles the hours around DST changes', () => {
    const before = localToInstant({ date: '2026-03-08', time: '01:00' }, 'America/New_York')!;
    const after = localToInstant({ date: '2026-03-08', time: '03:00' }, 'America/New_York')!;
    expect((after.getTime() - before.getTime()) / 3_600_000).toBe(1);
  });

  it('rejects malformed dates and times', () => {
    expect(localToInstant({ date: '2026-02-30', time: '12:00' }, 'UTC')).toBeUndefined();
    expect(localToInstant({ date: '2026-01-01', time: '25:99' }, 'UTC')).toBeUndefined();
    expect(localToInstant({ date: '01/01/2026', time: '12:00' }, 'UTC')).toBeUndefined();
  });

  it('maps instants back to local wall time', () => {
    expect(instantToLocal(new Date('2026-07-04T22:00:00Z'), 'America/New_York')).toEqual({
      date: '2026-07-04',
      time: '18:00',
    });
    expect(instantToLocal(new Date('2026-07-05T03:30:00Z'), 'America/Los_Angeles')).toEqual({
      date: '2026-07-04',
      time: '20:30',
    });
    expect(todayInTimeZone('Pacific/Honolulu', new Date('2026-07-05T03:30:00Z'))).toBe(
      '2026-07-04',
    );
  });

  it('parses and formats HH:MM, adds days, validates zones', () => {
    expect(parseLocalTime('11:30')).toBe(690);
    expect(parseLocalTime('24:00')).toBeUndefined();
    expect(parseLocalTime('9:00')).toBeUndefined();
    expect(formatMinutes(1320)).toBe('22:00');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(isValidTimeZone('America/Denver')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
