import { describe, expect, it } from 'vitest';
import type { PickerItem } from '@hibachi/web/menu-choices';
import { menuIssues, toMenuInput, type MenuState } from './menu-values';

const item = (id: string, kind: PickerItem['kind'], name: string): PickerItem => ({
  id,
  name,
  description: '',
  kind,
  priceCents: 0,
  dietaryTags: [],
});
const CHICKEN = '0f9b3a6e-3d7a-4c1b-8f55-2a1b3c4d5e61';
const STEAK = '0f9b3a6e-3d7a-4c1b-8f55-2a1b3c4d5e62';
const KIDS = '0f9b3a6e-3d7a-4c1b-8f55-2a1b3c4d5e63';
const items = [
  item(CHICKEN, 'PROTEIN', 'Chicken'),
  item(STEAK, 'PROTEIN', 'Steak'),
  item(KIDS, 'KIDS', 'Kids plate'),
];
const state = (choices: Record<string, number>, extra: Partial<MenuState> = {}): MenuState => ({
  items,
  choices,
  party: { adults: 14, children: 0 },
  proteinsPerAdult: 2,
  decideLater: false,
  ...extra,
});

describe("a phone order's menu", () => {
  it('sends the 28 proteins of 14 adults as the body takes them', () => {
    const full = state({ [CHICKEN]: 20, [STEAK]: 8 });
    expect(menuIssues(full, true)).toEqual({ shown: [], blocking: false });
    expect(toMenuInput(full)).toEqual([
      { itemId: CHICKEN, quantity: 20 },
      { itemId: STEAK, quantity: 8 },
    ]);
  });

  it('lets proteins short of the party wait while choosing, and stops the booking for them', () => {
    const short = state({ [CHICKEN]: 20 });
    expect(menuIssues(short, false).shown).toEqual([]);
    const issues = menuIssues(short, true);
    expect(issues.blocking).toBe(true);
    expect(issues.shown.join(' ')).toMatch(/28 proteins/);
    expect(toMenuInput(short)).toEqual([]);
  });

  it('says too many proteins at once', () => {
    expect(menuIssues(state({ [CHICKEN]: 30 }), false).shown.join(' ')).toMatch(/28 proteins/);
  });

  it('books with the proteins decided later, and with none at all when the party is unknown', () => {
    expect(menuIssues(state({}, { decideLater: true }), true)).toEqual({
      shown: [],
      blocking: false,
    });
    expect(menuIssues(state({}), true)).toEqual({
      shown: ['Choose 28 more proteins, or decide them later'],
      blocking: true,
    });
    const unknown = state({ [KIDS]: 3 }, { party: { adults: Number.NaN, children: 0 } });
    expect(menuIssues(unknown, true)).toEqual({ shown: [], blocking: false });
    expect(toMenuInput(unknown)).toEqual([]);
  });

  it("refuses more children's plates than children", () => {
    const issues = menuIssues(state({ [KIDS]: 1 }, { decideLater: true }), true);
    expect(issues.blocking).toBe(true);
    expect(issues.shown.join(' ')).toMatch(/one children's portion per child/);
  });
});
