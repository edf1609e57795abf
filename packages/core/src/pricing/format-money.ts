/**
 * Whole cents as US dollars, the one money format of both apps and the e-mails: whole dollars
 * without cents ("$100"), otherwise two digits ("$85.50"). Browser-safe.
 */
const formatters = new Map<number, Intl.NumberFormat>();

export function formatMoney(cents: number): string {
  const digits = cents % 100 === 0 ? 0 : 2;
  let formatter = formatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: digits,
    });
    formatters.set(digits, formatter);
  }
  return formatter.format(cents / 100);
}
