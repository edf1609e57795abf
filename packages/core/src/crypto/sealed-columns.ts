import type { BlindIndexKind } from './sealing';

/** A sealed column, with the blind index kept beside it (if any). */
export type SealedColumn = { column: string; index?: { column: string; kind: BlindIndexKind } };

/**
 * Every column holding customer data, table by table: what the data pass seals and rotates,
 * and what the dump test looks for. City and postcode stay plain (pricing and travel zones
 * read them; alone they name nobody).
 */
export const SEALED_COLUMNS: Record<string, SealedColumn[]> = {
  Customer: [
    { column: 'email', index: { column: 'emailHash', kind: 'email' } },
    { column: 'name' },
    { column: 'phone', index: { column: 'phoneHash', kind: 'phone' } },
  ],
  Booking: [
    { column: 'addressLine1' },
    { column: 'addressLine2' },
    { column: 'specialRequests' },
    { column: 'notes' },
  ],
  Conversation: [
    { column: 'customerName' },
    { column: 'customerEmail', index: { column: 'customerEmailHash', kind: 'email' } },
  ],
  ConversationMessage: [{ column: 'body' }],
  OutboxMessage: [{ column: 'recipient' }],
  TermsAcceptance: [{ column: 'acceptedName' }],
};
