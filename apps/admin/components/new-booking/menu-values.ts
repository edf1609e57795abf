import {
  choiceIssues,
  proteinsChosen,
  toSelection,
  type Choices,
  type PickerItem,
} from '@hibachi/web/menu-choices';
import type { TMenuSelection } from '@hibachi/core/menu/menu.schema';

type Party = { adults: number; children: number };

export type MenuState = {
  items: readonly PickerItem[];
  choices: Choices;
  party: Party;
  proteinsPerAdult: number;
  /** The proteins are left for the customer to choose later (their booking page). */
  decideLater: boolean;
};

/** A party the menu can be checked against (the party fields say what is wrong otherwise). */
export const isParty = (party: Party) =>
  Number.isInteger(party.adults) &&
  Number.isInteger(party.children) &&
  party.adults >= 1 &&
  party.children >= 0 &&
  party.adults + party.children <= 50;

/**
 * The menu's problems in the API's words (the same rule), and whether they stop the booking:
 * while choosing, only too many proteins shows; once the booking is sent, proteins short of
 * the party's count too ("choose 3 more, or decide them later").
 */
export function menuIssues(
  state: MenuState,
  submitted: boolean,
): { shown: string[]; blocking: boolean } {
  const { items, choices, party, proteinsPerAdult, decideLater } = state;
  if (!isParty(party)) return { shown: [], blocking: false };
  const issues = choiceIssues({ items, choices, party, proteinsPerAdult });
  const wanted = party.adults * proteinsPerAdult;
  const chosen = proteinsChosen(items, choices);
  const short = !decideLater && proteinsPerAdult > 0 && chosen < wanted;
  const shown = submitted || chosen > wanted ? issues : [];
  if (submitted && short && issues.length === 0)
    shown.push(
      `Choose ${wanted - chosen} more protein${wanted - chosen === 1 ? '' : 's'}, or decide them later`,
    );
  return { shown, blocking: issues.length > 0 || short };
}

/** The choices as the body's `menu`, or none while they break the rule (the quote's too). */
export function toMenuInput(state: MenuState): TMenuSelection {
  if (!isParty(state.party)) return [];
  const issues = choiceIssues({ ...state });
  return issues.length === 0 ? toSelection(state.items, state.choices) : [];
}
