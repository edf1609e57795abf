import { describe, expect, it } from 'vitest';
import { addDays, formatMinutes, localToInstant } from '../time';
import { gridStartTimes } from './start-times';

describe('gridStartTimes', () => {
  it('matches converting every grid time on its own, every day of a year, in zones with and without DST', () => {
    for (const timezone of [
      'America/New_York',
      'Europe/London',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
    ])
      for (const hours of [
        { serviceStartMinute: 660, serviceEndMinute: 1320 },
        { serviceStartMinute: 0, serviceEndMinute: 1410 },
      ]) {
        const station = { timezone, ...hours, slotIntervalMinutes: 30 };
        for (let day = 0; day < 365; day += 1) {
          const date = addDays('2027-01-01', day);
          const expected = [];
          for (
            let minute = hours.serviceStartMinute;
            minute <= hours.serviceEndMinute;
            minute += 30
          ) {
            const time = formatMinutes(minute);
            const startsAt = localToInstant({ date, time }, timezone);
            if (startsAt) expected.push({ time, startsAt });
          }
          expect(gridStartTimes(station, date), `${timezone} ${date}`).toEqual(expected);
        }
      }
  });
});
