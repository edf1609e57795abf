import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: references are read over the phone. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A human-friendly reference like HB-7K3P9Q (31^6 ≈ 887 million). */
export function generateBookingReference(): string {
  let code = '';
  for (let index = 0; index < 6; index += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `HB-${code}`;
}

export function normalizeReference(reference: string): string | undefined {
  const value = reference.trim().toUpperCase();
  return /^HB-[A-Z0-9]{6}$/.test(value) ? value : undefined;
}
