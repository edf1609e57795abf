import { describe, expect, it } from 'vitest';
import { balanceDue } from './balance-due';

describe('balance due', () => {
  it('is the price less what was paid while the booking stands', () => {
    expect(balanceDue('PENDING_PAYMENT', 55_000, 0)).toBe(55_000);
    expect(balanceDue('CONFIRMED', 55_000, 10_000)).toBe(45_000);
    expect(balanceDue('COMPLETED', 55_000, 55_000)).toBe(0);
  });

  it('never goes below nothing when more was paid than the price', () => {
    expect(balanceDue('CONFIRMED', 55_000, 60_000)).toBe(0);
  });

  it('is nothing once the booking is cancelled, expired or a no-show', () => {
    expect(balanceDue('CANCELLED', 55_000, 10_000)).toBe(0);
    expect(balanceDue('EXPIRED', 55_000, 0)).toBe(0);
    expect(balanceDue('NO_SHOW', 55_000, 10_000)).toBe(0);
  });
});
