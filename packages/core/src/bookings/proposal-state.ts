import type { TAcceptance } from '../terms/terms.schema';

type Accepted = {
  proposalVersion: number;
  acceptedName: string;
  acceptedAt: Date;
  totalCents: number;
  terms: { version: number; sha256: string };
};

/** Where a booking's priced proposal stands with the customer, as both booking pages show it. */
export type ProposalState = {
  version: number;
  /** The customer has yet to accept this version (a phone order, or a price staff changed). */
  needsAcceptance: boolean;
  /** Every acceptance, oldest first (an earlier version's stays when the price changes). */
  acceptances: TAcceptance[];
};

export function toAcceptance(accepted: Accepted): TAcceptance {
  return {
    proposalVersion: accepted.proposalVersion,
    name: accepted.acceptedName,
    acceptedAt: accepted.acceptedAt.toISOString(),
    termsVersion: accepted.terms.version,
    termsSha256: accepted.terms.sha256,
    totalCents: accepted.totalCents,
  };
}

/**
 * The proposal version after a change to the price: the next one when staff change an
 * accepted price (the customer is asked to accept again); otherwise the same (moves, the
 * customer's own changes, a price nobody accepted yet).
 */
export function proposalVersionAfter(
  booking: { proposalVersion: number; totalCents: number; acceptances: readonly Accepted[] },
  change: { totalCents: number; by: 'STAFF' | 'CUSTOMER' | 'SYSTEM' },
): number {
  const accepted = booking.acceptances.some(
    (acceptance) => acceptance.proposalVersion === booking.proposalVersion,
  );
  return change.by === 'STAFF' && accepted && change.totalCents !== booking.totalCents
    ? booking.proposalVersion + 1
    : booking.proposalVersion;
}

/**
 * A booking taken by staff waits for the customer's acceptance; a booking whose price staff
 * changed after an acceptance waits for the new version's. Only active bookings wait.
 */
export function proposalState(booking: {
  status: string;
  source: 'WEBSITE' | 'STAFF';
  proposalVersion: number;
  acceptances: readonly Accepted[];
}): ProposalState {
  const active = booking.status === 'PENDING_PAYMENT' || booking.status === 'CONFIRMED';
  const accepted = booking.acceptances.some(
    (acceptance) => acceptance.proposalVersion === booking.proposalVersion,
  );
  return {
    version: booking.proposalVersion,
    needsAcceptance:
      active && !accepted && (booking.source === 'STAFF' || booking.acceptances.length > 0),
    acceptances: booking.acceptances.map(toAcceptance),
  };
}
