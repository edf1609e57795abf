import { isTicked } from '@hibachi/web/form-values';

/** A chef's form as text: the name and the colour (`#rrggbb`) the calendar shows them in. */
export type ChefValues = { name: string; color: string };

/** `POST …/chefs` and `PATCH /chefs/ID`: the name and colour as chosen. */
export function toChefInput(values: ChefValues): ChefValues {
  return { name: values.name, color: values.color };
}

/** The deactivation dialog: the box to move the chef's upcoming bookings, ticked or not. */
export type DeactivateValues = { reassign?: string };

export function toDeactivateInput(values: DeactivateValues): { reassign: boolean } {
  return { reassign: isTicked(values.reassign) };
}
