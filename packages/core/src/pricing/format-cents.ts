/** Whole cents as US dollars for customer-facing text: 10000 → "$100.00". */
export function formatCents(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}
