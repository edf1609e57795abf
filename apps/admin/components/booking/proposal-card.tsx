'use client';

import { useState } from 'react';
import type { StaffBookingDetail } from '@hibachi/core/bookings';
import { Field, fieldOf } from '@hibachi/web/field';
import { formatMoney, moneyOf } from '@hibachi/web/format';
import { api } from '@/lib/api';
import { TermsTextDialog, type TermsToOpen } from '../terms/terms-text-dialog';
import { acceptanceText, customerLink, proposalStatusText } from './proposal-words';
import { useBookingAction } from './use-booking-action';

/**
 * The priced proposal the customer accepts: its version and where it stands, every acceptance
 * (earlier versions too) with the terms text as accepted, the link to send (copied, opened or
 * e-mailed again) for staff who may change the price.
 */
export function ProposalCard({
  booking,
  customerOrigin,
  maySend,
  onOutcome,
}: {
  booking: StaffBookingDetail;
  /** The customer site's public origin (`PUBLIC_CUSTOMER_URL`): the link leaves the admin. */
  customerOrigin: string;
  /** The user may send the proposal (their role) and the booking is still active. */
  maySend: boolean;
  onOutcome: (message: string) => void;
}) {
  const tz = booking.station.timezone;
  const money = moneyOf(booking);
  const { proposal } = booking;
  const link = booking.proposalUrl ? customerLink(customerOrigin, booking.proposalUrl) : null;
  const [copied, setCopied] = useState('');
  const [terms, setTerms] = useState<TermsToOpen>();
  const send = useBookingAction(
    booking.id,
    () => api.sendProposal({ path: { id: booking.id } }),
    (result) => onOutcome(`Proposal e-mailed to ${result.recipient}.`),
  );
  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => setCopied('Link copied.'),
      () => setCopied('Could not copy here: select the link and copy it.'),
    );
  const waiting = proposal.needsAcceptance;

  return (
    <section className="card" aria-labelledby="proposal-heading">
      <h2 id="proposal-heading">Proposal</h2>
      <p>
        Version {proposal.version}:{' '}
        <strong className={waiting ? 'proposal-waiting' : undefined} data-testid="proposal-status">
          {proposalStatusText(booking, tz)}
        </strong>
      </p>
      {proposal.acceptances.length > 0 ? (
        <>
          <h3 className="small">Acceptances</h3>
          <ol className="plain-list small" aria-label="Acceptances">
            {proposal.acceptances.map((acceptance) => (
              <li key={acceptance.proposalVersion} data-testid="acceptance">
                Version {acceptance.proposalVersion}, total{' '}
                {formatMoney(acceptance.totalCents, money)}: {acceptanceText(acceptance, tz)}.{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    setTerms({
                      version: acceptance.termsVersion,
                      acceptedSha256: acceptance.termsSha256,
                    })
                  }
                >
                  Open the terms v{acceptance.termsVersion} as accepted
                </button>
              </li>
            ))}
          </ol>
        </>
      ) : null}

      <div className="proposal-link">
        {link ? (
          <Field
            field={fieldOf('proposal-link')}
            label="Proposal link (the customer reviews, accepts and pays there)"
            value={link}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
          />
        ) : null}
        <div className="booking-actions">
          {link ? (
            <>
              <button type="button" className="button secondary" onClick={() => void copy(link)}>
                Copy link
              </button>
              <a className="button secondary" href={link} target="_blank" rel="noopener noreferrer">
                Open as the customer sees it
              </a>
            </>
          ) : null}
          {maySend ? (
            <button
              type="button"
              className="button secondary"
              disabled={send.busy}
              onClick={() => send.run(undefined)}
            >
              {send.busy ? 'Sending…' : 'Send proposal by e-mail'}
            </button>
          ) : null}
          <a
            className="button secondary"
            href={`/api/admin/bookings/${booking.id}/proposal.pdf`}
            target="_blank"
            rel="noopener noreferrer"
          >
            Download PDF
          </a>
        </div>
        <p role="status" className="small">
          {copied}
        </p>
        {send.error ? (
          <p className="notice error" role="alert">
            {send.error}
          </p>
        ) : null}
      </div>
      {terms ? (
        <TermsTextDialog
          slug={booking.station.slug}
          terms={terms}
          timeZone={tz}
          onClose={() => setTerms(undefined)}
        />
      ) : null}
    </section>
  );
}
