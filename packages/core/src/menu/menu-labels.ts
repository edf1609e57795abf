/**
 * The menu's kinds and dietary tags with how they read: without zod, so a page that only
 * shows a menu (the booking wizard's first load) does not ship the schema library.
 */
export const MENU_ITEM_KINDS = ['PROTEIN', 'UPGRADE', 'EXTRA', 'ADDON', 'KIDS'] as const;
export type TMenuItemKind = (typeof MENU_ITEM_KINDS)[number];

export const MENU_KIND_LABELS: Record<TMenuItemKind, string> = {
  PROTEIN: 'Included protein',
  UPGRADE: 'Premium upgrade (per choice)',
  EXTRA: 'Extra (per portion)',
  ADDON: 'Add-on (per event)',
  KIDS: "Children's portion",
};

export const DIETARY_TAGS = [
  'vegetarian',
  'vegan',
  'gluten-free',
  'dairy-free',
  'contains-shellfish',
  'contains-fish',
  'contains-nuts',
  'contains-soy',
  'spicy',
] as const;
export type TDietaryTag = (typeof DIETARY_TAGS)[number];

/** How a tag reads on a menu or a prep sheet. */
export const DIETARY_LABELS: Record<TDietaryTag, string> = {
  vegetarian: 'Vegetarian',
  vegan: 'Vegan',
  'gluten-free': 'Gluten-free',
  'dairy-free': 'Dairy-free',
  'contains-shellfish': 'Shellfish',
  'contains-fish': 'Fish',
  'contains-nuts': 'Nuts',
  'contains-soy': 'Soy',
  spicy: 'Spicy',
};

/** A tag's label, or the tag itself for one the list does not know (an older item). */
export const dietaryLabel = (tag: string): string =>
  (DIETARY_LABELS as Record<string, string>)[tag] ?? tag;
