// Client-safe: the proposal page's form and POST /api/bookings/REF/acceptance read it.
import { z } from 'zod';
import { sanitizeLine } from '../validation/sanitize';

/**
 * What the customer sends to accept a proposal: the signed link's token, the name they typed,
 * the ticked terms box, and the versions and total they read (a price or terms changed
 * meanwhile is refused, so nobody accepts what they did not see).
 */
export const ZAcceptProposalInput = z.strictObject({
  token: z.string().min(10).max(200),
  name: z
    .string({ error: 'Type your name to accept' })
    .transform(sanitizeLine)
    .pipe(
      z.string().min(2, 'Type your name to accept').max(100, 'Keep your name under 100 characters'),
    ),
  agree: z.literal(true, { error: 'Tick the box to accept the terms' }),
  termsVersion: z.number().int().positive().max(1_000_000),
  proposalVersion: z.number().int().positive().max(1_000_000),
  /** The total the page showed: a price changed meanwhile is refused (PROPOSAL_CHANGED). */
  totalCents: z.number().int().nonnegative().max(100_000_000),
});
export type TAcceptProposalInput = z.input<typeof ZAcceptProposalInput>;
