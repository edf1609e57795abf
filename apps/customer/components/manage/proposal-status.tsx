'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TCustomerBooking } from '@hibachi/core/bookings/customer-booking.schema';
import { formatInstant, formatMoney, moneyOf } from '@hibachi/web/format';
import { api } from '@/lib/api';
import { TermsText } from '../proposal/terms-text';

type Proof = { email: string } | { token: string };

/**
 * Which terms the customer accepted and when (each accepted text opens exactly as it was),
 * and, when the proposal waits for them, the way to it.
 */
export function ProposalStatus({ booking, proof }: { booking: TCustomerBooking; proof: Proof }) {
  const [open, setOpen] = useState<number>();
  const terms = useQuery({
    queryKey: ['terms', booking.station.slug, open],
    queryFn: () => api.termsVersion(booking.station.slug, open ?? 1),
    enabled: open !== undefined,
  });
  const { acceptances, needsAcceptance } = booking.proposal;
  if (acceptances.length === 0 && !needsAcceptance) return null;
  return (
    <section className="proposal-status" aria-labelledby="acceptance-heading">
      <h3 id="acceptance-heading">Terms and price accepted</h3>
      {needsAcceptance ? (
        <p className="notice" data-testid="proposal-waiting">
          {acceptances.length > 0
            ? 'The price changed since you accepted it: please review and accept the new proposal.'
            : 'Please review your proposal and accept it.'}{' '}
          {'token' in proof ? (
            <Link href={`/proposal/${booking.reference}?token=${encodeURIComponent(proof.token)}`}>
              Review the proposal
            </Link>
          ) : (
            'The link is in the e-mail we sent you.'
          )}
        </p>
      ) : null}
      {acceptances.length > 0 ? (
        <ul className="acceptances" data-testid="acceptances">
          {acceptances.map((acceptance) => (
            <li key={acceptance.proposalVersion}>
              Version {acceptance.proposalVersion}: accepted by {acceptance.name} on{' '}
              {formatInstant(acceptance.acceptedAt, booking.station.timezone)} for{' '}
              {formatMoney(acceptance.totalCents, moneyOf(booking))} under{' '}
              <button
                type="button"
                className="link-button"
                aria-expanded={open === acceptance.termsVersion}
                onClick={() =>
                  setOpen(open === acceptance.termsVersion ? undefined : acceptance.termsVersion)
                }
              >
                terms version {acceptance.termsVersion}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href={`/api/bookings/${booking.reference}/proposal.pdf?${new URLSearchParams(proof)}`}>
          Download the {acceptances.length > 0 ? 'accepted ' : ''}proposal (PDF)
        </a>
      </p>
      {open !== undefined && terms.data ? (
        <TermsText terms={terms.data} timezone={booking.station.timezone} />
      ) : null}
    </section>
  );
}
