import { TERMS_MAX, type TTermsInput } from '@hibachi/core/terms/terms.schema';

/** The terms editor as text. */
export type TermsValues = { body?: string };

/** The editor starts at the current version's text. */
export function toTermsValues(current: { body: string }): TermsValues {
  return { body: current.body };
}

/** `PUT …/terms`: the text as written (the API's schema trims and checks it). */
export function toTermsInput(values: TermsValues): TTermsInput {
  return { body: values.body ?? '' };
}

/** "1,234 of 20,000 characters", and whether the text is over the limit. */
export function termsLength(text: string): { words: string; over: boolean } {
  const count = text.length;
  return {
    words: `${count.toLocaleString('en-US')} of ${TERMS_MAX.toLocaleString('en-US')} characters`,
    over: count > TERMS_MAX,
  };
}
