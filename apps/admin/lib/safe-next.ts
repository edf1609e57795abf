/** Where sign-in may send the browser afterwards: a path on this site, never another origin. */
export const DEFAULT_AFTER_SIGN_IN = '/';

export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/')) return DEFAULT_AFTER_SIGN_IN;
  // "//host" and "/\host" are read by browsers as another origin; control characters can smuggle either.
  const hasControl = [...next].some((char) => char.charCodeAt(0) < 0x20 || char === '\u007f');
  if (next.startsWith('//') || next.includes('\\') || hasControl) {
    return DEFAULT_AFTER_SIGN_IN;
  }
  return next;
}
