// Client-safe (no Node APIs): used inside zod transforms shared with the forms.

const TAG = /<\/?[a-z!][^>]*>/gi;
// C0/C1 control characters except tab and newline.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Plain text: tags and control characters removed, whitespace trimmed. */
export function sanitizeText(value: string): string {
  return value.replace(TAG, '').replace(CONTROL, '').trim();
}

/** One-line text: also folds newlines and runs of spaces. */
export function sanitizeLine(value: string): string {
  return sanitizeText(value).replace(/\s+/g, ' ');
}
