import type { DateRange } from '@/lib/date-ranges';

/** The customer lookup's form. */
export type EmailValues = { email: string };

/** The e-mail looked up, as typed less the spaces around it. */
export function toLookupEmail(values: EmailValues): string {
  return values.email.trim();
}

/** What the custom range sends: the two dates as chosen (checked by the API's rule). */
export function toRangeInput(values: DateRange): DateRange {
  return { from: values.from, to: values.to };
}
