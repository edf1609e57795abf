import type { TMenuItem, TMenuLine, TMenuSelection } from './menu.schema';

/** A problem with a party's choices, at the field it belongs to (`menu`, `menu.2.quantity`). */
export type SelectionIssue = { path: string; message: string };

type Item = Pick<TMenuItem, 'id' | 'kind' | 'name' | 'active'>;

/** How many protein choices the party makes: the station's number for each adult. */
export const proteinChoicesFor = (adults: number, proteinsPerAdult: number) =>
  adults * proteinsPerAdult;

/**
 * The one rule for a party's choices, used by the wizard, the manage page and the API:
 * every item is one of the station's (active, unless the booking already holds it at that
 * count or fewer); included proteins and upgrades together are either left for later (none)
 * or exactly the party's protein choices; children's portions at most one per child; an
 * add-on once per event. Browser-safe.
 */
export function selectionIssues(options: {
  choices: TMenuSelection;
  items: readonly Item[];
  party: { adults: number; children: number };
  proteinsPerAdult: number;
  /** The booking's lines now, when changing an existing booking. */
  previous?: readonly Pick<TMenuLine, 'itemId' | 'quantity'>[];
}): SelectionIssue[] {
  const issues: SelectionIssue[] = [];
  const byId = new Map(options.items.map((item) => [item.id, item]));
  const held = new Map((options.previous ?? []).map((line) => [line.itemId, line.quantity]));
  let proteins = 0;
  let kids = 0;
  options.choices.forEach((choice, index) => {
    const item = byId.get(choice.itemId);
    if (!item) {
      issues.push({ path: `menu.${index}.itemId`, message: 'Not on this menu' });
      return;
    }
    if (!item.active && choice.quantity > (held.get(item.id) ?? 0))
      issues.push({
        path: `menu.${index}.itemId`,
        message: `${item.name} is no longer on the menu`,
      });
    if (item.kind === 'PROTEIN' || item.kind === 'UPGRADE') proteins += choice.quantity;
    if (item.kind === 'KIDS') kids += choice.quantity;
    if (item.kind === 'ADDON' && choice.quantity > 1)
      issues.push({ path: `menu.${index}.quantity`, message: 'Once per event' });
  });
  const wanted = proteinChoicesFor(options.party.adults, options.proteinsPerAdult);
  if (proteins !== 0 && proteins !== wanted)
    issues.push({
      path: 'menu',
      message: `Choose ${wanted} proteins (${options.proteinsPerAdult} for each of ${options.party.adults} adult${options.party.adults === 1 ? '' : 's'}), or leave them for later`,
    });
  if (kids > options.party.children)
    issues.push({
      path: 'menu',
      message: `At most one children's portion per child (${options.party.children})`,
    });
  return issues;
}

/** Whether the party's proteins are chosen (none left "to decide later"). */
export function proteinsDecided(
  lines: readonly Pick<TMenuLine, 'kind' | 'quantity'>[],
  party: { adults: number },
  proteinsPerAdult: number,
): boolean {
  const chosen = lines
    .filter((line) => line.kind === 'PROTEIN' || line.kind === 'UPGRADE')
    .reduce((sum, line) => sum + line.quantity, 0);
  return chosen === proteinChoicesFor(party.adults, proteinsPerAdult) || proteinsPerAdult === 0;
}

/**
 * The booking's lines for these choices: an item the booking already holds keeps the name and
 * unit price it was quoted at; a new one takes the menu's price now. The choices must have
 * passed selectionIssues.
 */
export function linesFor(
  choices: TMenuSelection,
  items: readonly Pick<TMenuItem, 'id' | 'kind' | 'name' | 'priceCents'>[],
  previous: readonly TMenuLine[] = [],
): TMenuLine[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const held = new Map(previous.map((line) => [line.itemId, line]));
  return choices.flatMap((choice): TMenuLine[] => {
    const before = held.get(choice.itemId);
    if (before) return [{ ...before, quantity: choice.quantity }];
    const item = byId.get(choice.itemId);
    if (!item) return [];
    return [
      {
        itemId: item.id,
        kind: item.kind,
        name: item.name,
        unitPriceCents: item.priceCents,
        quantity: choice.quantity,
      },
    ];
  });
}
