import { describe, expect, it } from 'vitest';
import type { TMenuItem } from '@hibachi/core/menu/menu.schema';
import { toMenuItemInput, toMenuItemValues } from './menu-item-values';

const WAGYU: TMenuItem = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Wagyu',
  description: 'A5',
  kind: 'UPGRADE',
  priceCents: 2500,
  dietaryTags: ['gluten-free'],
  sortOrder: 3,
  active: true,
};

describe('the menu item form', () => {
  it('shows and reads a yen price without decimals', () => {
    const values = toMenuItemValues(WAGYU, 'JPY');
    expect(values.priceCents).toBe('2500');
    expect(toMenuItemInput({ ...values, priceCents: '3,000' }, 'JPY').priceCents).toBe(3000);
  });

  it('reads a dollar price in cents, and no price as an included item', () => {
    const values = toMenuItemValues(WAGYU, 'USD');
    expect(values.priceCents).toBe('25.00');
    expect(toMenuItemInput({ ...values, priceCents: '12.5' }, 'USD').priceCents).toBe(1250);
    expect(toMenuItemInput({ ...values, priceCents: '' }, 'USD').priceCents).toBe(0);
  });

  it('reads one, several or no dietary notes, and only known ones', () => {
    const values = toMenuItemValues(undefined, 'USD');
    expect(toMenuItemInput({ ...values, dietaryTags: 'vegan' }, 'USD').dietaryTags).toEqual([
      'vegan',
    ]);
    expect(
      toMenuItemInput({ ...values, dietaryTags: ['vegan', 'gluten-free', 'x'] }, 'USD').dietaryTags,
    ).toEqual(['vegan', 'gluten-free']);
    expect(toMenuItemInput({ ...values, dietaryTags: undefined }, 'USD').dietaryTags).toEqual([]);
  });
});
