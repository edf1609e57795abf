import { fromMajorUnits, toMajorUnits } from '@hibachi/core/money/format-money';

/**
 * The small readers every `to…Input` mapper shares: form text in, body values out. A value
 * the person left unreadable becomes NaN (or stays text), so the API's schema says what is
 * wrong in its own words.
 */

/** "12" → 12; "" or "twelve" → NaN ("Enter a number"). */
export function toWholeNumber(text: string | undefined): number {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** "" → null; anything else as typed (the schema trims and checks it). */
export function toNullableText(text: string | undefined): string | null {
  return text?.trim() ? text : null;
}

/** "" → null; else a whole number (NaN when unreadable). */
export function toNullableNumber(text: string | undefined): number | null {
  return text?.trim() ? toWholeNumber(text) : null;
}

/** A ticked checkbox sends its value ("on"); an unticked one sends nothing. */
export function isTicked(value: string | undefined, checkedValue = 'on'): boolean {
  return value === checkedValue;
}

/** The values of checkboxes sharing a name: none, one (text) or several (a list). */
export function toList(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

/**
 * An amount typed in the major units of `currency` ("85.50", "£1,200", "5000" for yen) in its
 * minor units; empty is `whenEmpty` (NaN by default: "Enter an amount").
 */
export function toMinorUnits(
  text: string | undefined,
  currency: string,
  whenEmpty = Number.NaN,
): number {
  return (text ?? '').trim() === '' ? whenEmpty : fromMajorUnits(text ?? '', currency);
}

/** Minor units as an amount field shows them ("85.50"; "5000" for yen). */
export function toAmountText(amount: number, currency: string): string {
  return toMajorUnits(amount, currency);
}

/** A plain form's text fields by name (a file or a missing field is left out). */
export function readTextFields(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form))
    if (typeof value === 'string') values[name] = value;
  return values;
}
