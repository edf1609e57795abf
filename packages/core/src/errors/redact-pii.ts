const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[A-Za-z]{2,}/g;
const NUMBER_RUN = /\+?\d[\d ().-]{6,}\d/g;

/**
 * Text with e-mail addresses and phone numbers masked, for anything leaving the process.
 * A phone number is a run of 9 or more digits (with spaces, dots, dashes or brackets), so
 * dates (8 digits) and times stay readable.
 */
export function redactPii(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(NUMBER_RUN, (run) => (run.replace(/\D/g, '').length >= 9 ? '[number]' : run));
}
