import type { TAcceptance } from '@hibachi/core/terms/terms.schema';
import { formatInstant } from '@hibachi/web/format';

/** The start of a SHA-256 as the page shows it: 12 hex digits and an ellipsis. */
export function shortSha(sha256: string): string {
  return `${sha256.slice(0, 12)}…`;
}

/** "Accepted by Pat Example on Tue, Mar 3, 6:12 PM PST (terms v1, SHA-256 3f5a0c9e1b2d…)". */
export function acceptanceText(acceptance: TAcceptance, timeZone: string): string {
  return `Accepted by ${acceptance.name} on ${formatInstant(acceptance.acceptedAt, timeZone)} (terms v${acceptance.termsVersion}, SHA-256 ${shortSha(acceptance.termsSha256)})`;
}

/** Where the booking came from: a phone or text order staff entered, or the website. */
export function sourceText(booking: { source: 'WEBSITE' | 'STAFF'; enteredBy: string | null }) {
  if (booking.source === 'WEBSITE') return 'Booked online';
  return `Phone order taken by ${booking.enteredBy ?? 'a former staff member'}`;
}

/** Where the current proposal version stands with the customer. */
export function proposalStatusText(
  booking: {
    source: 'WEBSITE' | 'STAFF';
    proposal: { version: number; needsAcceptance: boolean; acceptances: TAcceptance[] };
  },
  timeZone: string,
): string {
  const { proposal } = booking;
  const accepted = proposal.acceptances.find(
    (acceptance) => acceptance.proposalVersion === proposal.version,
  );
  if (accepted) return acceptanceText(accepted, timeZone);
  if (proposal.needsAcceptance) return 'Waiting for the customer to accept';
  return booking.source === 'WEBSITE'
    ? 'Booked online; no acceptance recorded'
    : 'Not accepted (the booking is no longer active)';
}

/**
 * A path on the customer site ("/proposal/HB-1?token=…") as the absolute link to send, joined
 * to `PUBLIC_CUSTOMER_URL` as core joins the links it e-mails (a base path is kept).
 */
export function customerLink(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
