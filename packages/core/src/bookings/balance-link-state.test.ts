import { describe, expect, it } from 'vitest';
import { balanceLinkState } from './balance-link-state';

const at = (iso: string) => new Date(iso);
const balance = (status: string, createdAt: string, updatedAt = createdAt) => ({
  purpose: 'BALANCE',
  method: 'CARD',
  status,
  createdAt: at(createdAt),
  updatedAt: at(updatedAt),
});
const reminder = { kind: 'BOOKING_REMINDER', status: 'SENT', sentAt: at('2026-12-03T10:00:00Z') };

describe('the balance link state on the booking page', () => {
  it('moves from not sent, to sent with the reminder, to opened, to paid', () => {
    expect(balanceLinkState(40_000, [], []).state).toBe('NOT_SENT');
    expect(balanceLinkState(40_000, [], [reminder])).toMatchObject({
      state: 'SENT',
      sentAt: '2026-12-03T10:00:00.000Z',
    });
    const opened = balance('PENDING', '2026-12-04T09:00:00Z');
    expect(balanceLinkState(40_000, [opened], [reminder])).toMatchObject({
      state: 'OPENED',
      openedAt: '2026-12-04T09:00:00.000Z',
    });
    const paid = balance('SUCCEEDED', '2026-12-04T09:00:00Z', '2026-12-04T09:02:00Z');
    expect(balanceLinkState(0, [paid], [reminder])).toMatchObject({
      state: 'PAID',
      paidAt: '2026-12-04T09:02:00.000Z',
    });
  });

  it('nothing due without an online payment; a deposit or a cash payment is not the link', () => {
    const deposit = { ...balance('SUCCEEDED', '2026-12-01T09:00:00Z'), purpose: 'DEPOSIT' };
    const cash = { ...balance('SUCCEEDED', '2026-12-05T09:00:00Z'), method: 'CASH' };
    expect(balanceLinkState(0, [deposit, cash], [reminder]).state).toBe('NOTHING_DUE');
  });

  it('a part paid online with more still due: opened again, or paid so far', () => {
    const part = balance('SUCCEEDED', '2026-12-04T09:00:00Z');
    expect(balanceLinkState(10_000, [part], []).state).toBe('PAID');
    const again = balance('PENDING', '2026-12-05T09:00:00Z');
    expect(balanceLinkState(10_000, [part, again], []).state).toBe('OPENED');
  });
});
