import { describe, expect, it } from 'vitest';
import { ZStationDateInput, ZTimeOffInput } from '@hibachi/core/season/season.schema';
import { toMarkOffInput, toStationDateInput, toTimeOffInput } from './season-values';

const CHEF = '6f1c1f52-5d7e-4d53-9d1b-2b1f1a0f0c11';

describe('the time-off forms', () => {
  it('send whole days as dates, refusing over booked events unless asked to move them', () => {
    const body = toTimeOffInput({
      chefId: CHEF,
      kind: 'DAYS',
      from: '2027-01-04',
      to: '2027-01-08',
      note: '',
    });
    expect(body).toEqual({
      kind: 'DAYS',
      chefId: CHEF,
      from: '2027-01-04',
      to: '2027-01-08',
      note: null,
      bookings: 'refuse',
    });
    expect(ZTimeOffInput.safeParse(body).success).toBe(true);
  });

  it('send some hours of one date, and the choice to move the events', () => {
    const body = toMarkOffInput(
      { note: 'Dentist', bookings: 'reassign' },
      { chefId: CHEF, date: '2027-01-05', from: '12:00', to: '15:00' },
    );
    expect(body).toEqual({
      kind: 'HOURS',
      chefId: CHEF,
      date: '2027-01-05',
      from: '12:00',
      to: '15:00',
      note: 'Dentist',
      bookings: 'reassign',
    });
    expect(ZTimeOffInput.safeParse(body).success).toBe(true);
  });
});

describe('the station date form', () => {
  it('closes a date, or gives it other hours', () => {
    expect(
      toStationDateInput({ date: '2027-11-25', closed: 'closed', note: 'Thanksgiving' }),
    ).toEqual({ date: '2027-11-25', body: { closed: true, note: 'Thanksgiving' } });
    const other = toStationDateInput({
      date: '2027-12-24',
      closed: 'other',
      firstStart: '11:00',
      lastStart: '15:00',
      note: '',
    });
    expect(other.body).toEqual({
      closed: false,
      firstStart: '11:00',
      lastStart: '15:00',
      note: null,
    });
    expect(ZStationDateInput.safeParse(other.body).success).toBe(true);
  });
});
