// Client-safe: the Settings editor, the booking pages and the API read these.
import { z } from 'zod';
import { sanitizeText } from '../validation/sanitize';

export const TERMS_MAX = 20_000;

/** `PUT /api/admin/stations/SLUG/terms`: the terms as a manager writes them. */
export const ZTermsInput = z.strictObject({
  body: z
    .string({ error: 'Write the terms' })
    .transform(sanitizeText)
    .pipe(
      z
        .string()
        .min(20, 'Write the terms (at least 20 characters)')
        .max(TERMS_MAX, `Keep the terms under ${TERMS_MAX.toLocaleString('en-US')} characters`),
    ),
});
export type TTermsInput = z.input<typeof ZTermsInput>;

/** One version of a station's terms, exactly as published. */
export const ZTermsVersion = z.object({
  version: z.number().int().positive(),
  /** Hex SHA-256 of the text's UTF-8 bytes: what an acceptance records. */
  sha256: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
});
export type TTermsVersion = z.infer<typeof ZTermsVersion>;

/** `GET /api/admin/stations/SLUG/terms`: the current text and every version before it. */
export const ZTermsHistory = z.object({
  current: ZTermsVersion,
  versions: z.array(
    z.object({
      version: z.number().int().positive(),
      sha256: z.string(),
      createdAt: z.iso.datetime(),
      createdBy: z.string().nullable(),
      acceptances: z.number().int().nonnegative(),
    }),
  ),
});
export type TTermsHistory = z.infer<typeof ZTermsHistory>;

/** An acceptance as both booking pages show it. */
export const ZAcceptance = z.object({
  proposalVersion: z.number().int().positive(),
  name: z.string(),
  acceptedAt: z.iso.datetime(),
  termsVersion: z.number().int().positive(),
  termsSha256: z.string(),
  totalCents: z.number().int(),
});
export type TAcceptance = z.infer<typeof ZAcceptance>;

/** Where a booking's priced proposal stands with the customer. */
export const ZProposalState = z.object({
  version: z.number().int().positive(),
  /** The customer has yet to accept this version (a phone order, or a price staff changed). */
  needsAcceptance: z.boolean(),
  /** Every acceptance, oldest first (an earlier version's stays when the price changes). */
  acceptances: z.array(ZAcceptance),
});
