import {
  DIETARY_TAGS,
  MENU_ITEM_KINDS,
  type TDietaryTag,
  type TMenuItem,
} from '@hibachi/core/menu/menu.schema';
import { toAmountText, toList, toMinorUnits, toWholeNumber } from '@hibachi/web/form-values';

/** A menu item's form as text; the price in major units of the station's currency. */
export type MenuItemValues = {
  name: string;
  description: string;
  kind: string;
  priceCents: string;
  sortOrder: string;
  /** The ticked dietary notes: none, one, or several. */
  dietaryTags?: string | string[];
};

/** What a new or edited item sends (the editor adds the station version). */
export type MenuItemInput = {
  name: string;
  description: string;
  kind: TMenuItem['kind'];
  priceCents: number;
  dietaryTags: TDietaryTag[];
  sortOrder: number;
};

const isDietaryTag = (value: string): value is TDietaryTag =>
  (DIETARY_TAGS as readonly string[]).includes(value);

/** The form for an item as saved, or for a new one (a protein, no price yet). */
export function toMenuItemValues(item: TMenuItem | undefined, currency: string): MenuItemValues {
  return {
    name: item?.name ?? '',
    description: item?.description ?? '',
    kind: item?.kind ?? 'PROTEIN',
    priceCents: item ? toAmountText(item.priceCents, currency) : '',
    sortOrder: String(item?.sortOrder ?? 0),
    dietaryTags: item?.dietaryTags ?? [],
  };
}

/** The item's fields as the API takes them: no price is 0 (an included protein), order 0. */
export function toMenuItemInput(values: MenuItemValues, currency: string): MenuItemInput {
  return {
    name: values.name,
    description: values.description,
    // An unknown kind stays as sent: the API's schema refuses it ("Choose a kind").
    kind: (MENU_ITEM_KINDS.find((kind) => kind === values.kind) ??
      values.kind) as TMenuItem['kind'],
    priceCents: toMinorUnits(values.priceCents, currency, 0),
    dietaryTags: toList(values.dietaryTags).filter(isDietaryTag),
    sortOrder: values.sortOrder.trim() === '' ? 0 : toWholeNumber(values.sortOrder),
  };
}
