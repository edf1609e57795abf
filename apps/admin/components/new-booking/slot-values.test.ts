import { describe, expect, it } from 'vitest';
import type { TStaffAvailability } from '@hibachi/core/availability/availability.schema';
import { capacityText, chefAfterChange, freeChefsAt, startNotice } from './slot-values';

const AIKO = '11111111-1111-4111-8111-111111111111';
const BEN = '22222222-2222-4222-8222-222222222222';
const day: TStaffAvailability = {
  date: '2027-06-12',
  timezone: 'America/Los_Angeles',
  durationMinutes: 120,
  chefs: [
    { id: AIKO, name: 'Aiko' },
    { id: BEN, name: 'Ben' },
  ],
  slots: [slot('17:00', [AIKO, BEN], false), slot('17:30', [BEN], true), slot('18:00', [], true)],
};

function slot(time: string, freeChefIds: string[], online: boolean) {
  return {
    time,
    startsAt: `2027-06-13T00:00:00.000Z`,
    available: freeChefIds.length,
    online,
    freeChefIds,
  };
}

describe('the start times of a phone order', () => {
  it('say how many chefs are free', () => {
    expect(day.slots.map(capacityText)).toEqual(['2 chefs free', '1 chef free', 'Full']);
  });

  it('offer the chefs free at the chosen start, none before one is chosen', () => {
    expect(freeChefsAt(day, '17:00').map((chef) => chef.name)).toEqual(['Aiko', 'Ben']);
    expect(freeChefsAt(day, '17:30').map((chef) => chef.name)).toEqual(['Ben']);
    expect(freeChefsAt(day, '')).toEqual([]);
  });

  it('keep a chosen chef while free then, else hand over to the least busy, saying why', () => {
    expect(chefAfterChange(day, '17:00', AIKO)).toEqual({ chefId: AIKO });
    expect(chefAfterChange(day, '', AIKO)).toEqual({ chefId: AIKO });
    expect(chefAfterChange(day, '17:30', AIKO)).toEqual({
      chefId: '',
      notice: 'Aiko is not free at 5:30 PM: the least busy free chef will cook.',
    });
    expect(chefAfterChange(day, '17:30', '')).toEqual({ chefId: '' });
  });

  it('let a start asked for go when it is gone or full', () => {
    expect(startNotice(day, '17:00')).toBeUndefined();
    expect(startNotice(day, '')).toBeUndefined();
    expect(startNotice(day, '18:00')).toBe('Every chef is busy at 6:00 PM: choose another start.');
    expect(startNotice(day, '09:15')).toMatch(/^9:15 AM is not a start time that day/);
  });
});
