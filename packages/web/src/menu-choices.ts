import { selectionIssues } from '@hibachi/core/menu/menu-selection';
import type { TMenuItem, TMenuLine, TMenuSelection } from '@hibachi/core/menu/menu.schema';

/** A party's choices while editing: count per item id (0 or missing = none). */
export type Choices = Readonly<Record<string, number>>;

/** An item as the picker offers it: the menu's, or one a booking holds that is off the menu now. */
export type PickerItem = Pick<
  TMenuItem,
  'id' | 'name' | 'description' | 'kind' | 'priceCents' | 'dietaryTags'
> & {
  /** Off the menu: the booking may keep up to `held` of it, no more. */
  retired?: boolean;
  held?: number;
};

export const PROTEIN_KINDS = ['PROTEIN', 'UPGRADE'] as const;
const isProtein = (kind: string) => kind === 'PROTEIN' || kind === 'UPGRADE';

/** The choices as the API takes them, in menu order. */
export function toSelection(items: readonly PickerItem[], choices: Choices): TMenuSelection {
  return items
    .filter((item) => (choices[item.id] ?? 0) > 0)
    .map((item) => ({ itemId: item.id, quantity: choices[item.id] ?? 0 }));
}

/** A booking's lines as choices. */
export function choicesOf(lines: readonly Pick<TMenuLine, 'itemId' | 'quantity'>[]): Choices {
  return Object.fromEntries(lines.map((line) => [line.itemId, line.quantity]));
}

/** The choices without proteins (the party decides them later). */
export function withoutProteins(items: readonly PickerItem[], choices: Choices): Choices {
  const proteins = new Set(items.filter((item) => isProtein(item.kind)).map((item) => item.id));
  return Object.fromEntries(Object.entries(choices).filter(([id]) => !proteins.has(id)));
}

/**
 * The menu's items with the booking's held lines that are off the menu now (at their quoted
 * name and price), so a customer sees and may keep what they chose.
 */
export function pickerItems(
  menu: readonly TMenuItem[],
  held: readonly TMenuLine[] = [],
): PickerItem[] {
  const offered = new Map(menu.map((item) => [item.id, item]));
  const lines = new Map(held.map((line) => [line.itemId, line]));
  const items: PickerItem[] = menu.map((item) => {
    const line = lines.get(item.id);
    return line ? { ...item, priceCents: line.unitPriceCents, held: line.quantity } : item;
  });
  for (const line of held)
    if (!offered.has(line.itemId))
      items.push({
        id: line.itemId,
        name: line.name,
        description: '',
        kind: line.kind,
        priceCents: line.unitPriceCents,
        dietaryTags: [],
        retired: true,
        held: line.quantity,
      });
  return items;
}

/** What is wrong with the choices for this party, in the API's words (the same rule). */
export function choiceIssues(options: {
  items: readonly PickerItem[];
  choices: Choices;
  party: { adults: number; children: number };
  proteinsPerAdult: number;
}): string[] {
  return selectionIssues({
    choices: toSelection(options.items, options.choices),
    items: options.items.map((item) => ({ ...item, active: !item.retired })),
    party: options.party,
    proteinsPerAdult: options.proteinsPerAdult,
    previous: options.items
      .filter((item) => item.held !== undefined)
      .map((item) => ({ itemId: item.id, quantity: item.held ?? 0 })),
  }).map((issue) => issue.message);
}

/** How many protein choices are made. */
export function proteinsChosen(items: readonly PickerItem[], choices: Choices): number {
  return items
    .filter((item) => isProtein(item.kind))
    .reduce((sum, item) => sum + (choices[item.id] ?? 0), 0);
}
