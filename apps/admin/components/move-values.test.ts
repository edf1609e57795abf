import { describe, expect, it } from 'vitest';
import { toMoveInput, toMoveValues } from './move-values';

describe('the move form', () => {
  it('sends where the booking is now, as the reschedule body', () => {
    const values = toMoveValues({
      date: '2027-03-14',
      time: '18:00',
      durationMinutes: 150,
      chefId: 'c1',
    });
    expect(toMoveInput(values)).toEqual({
      date: '2027-03-14',
      time: '18:00',
      durationMinutes: 150,
      chefId: 'c1',
    });
  });

  it('leaves the chef to the server where the form offers none', () => {
    expect(toMoveInput({ date: '2027-03-14', time: '18:30', durationMinutes: '120' })).toEqual({
      date: '2027-03-14',
      time: '18:30',
      durationMinutes: 120,
    });
  });
});
