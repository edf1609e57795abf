'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import {
  ZAcceptProposalInput,
  type TAcceptProposalInput,
} from '@hibachi/core/bookings/accept-proposal.schema';
import type { TCustomerBooking } from '@hibachi/core/bookings/customer-booking.schema';
import { CheckboxField } from '@hibachi/web/choice-field';
import { ApiError } from '@hibachi/web/fetch-json';
import { Field } from '@hibachi/web/field';
import { formatInstant, formatMoney, moneyOf } from '@hibachi/web/format';
import { QuoteLines } from '@hibachi/web/quote-lines';
import { useApiForm } from '@hibachi/web/use-api-form';
import { api } from '@/lib/api';
import { EventSummary } from '../manage/event-summary';
import { MenuEditor } from '../manage/menu-editor';
import { useTokenBooking } from '../payment/use-token-booking';
import { toAcceptInput, type AcceptValues } from './accept-values';
import { TermsText } from './terms-text';

/** Refusals after which the page shows the proposal and terms as they are now. */
const CHANGED = new Set(['PROPOSAL_CHANGED', 'TERMS_CHANGED']);

/**
 * The proposal a phone order's customer opens from their link: the itemised price in the
 * station's currency, the event, the menu (correctable before accepting), the terms word for
 * word, and the acceptance (typed name, ticked box) that leads straight to the deposit.
 */
export function ProposalView({ reference, token }: { reference: string; token: string }) {
  const booking = useTokenBooking(reference, token);
  if (booking.isPending)
    return (
      <p aria-busy="true" className="muted">
        Loading your proposal…
      </p>
    );
  return booking.data ? <Proposal booking={booking.data} token={token} /> : null;
}

function Proposal({ booking, token }: { booking: TCustomerBooking; token: string }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  // When the page opened: a hold that lapses while it is open is refused by the server.
  const [openedAt] = useState(() => Date.now());
  const accepted = booking.proposal.acceptances.find(
    (acceptance) => acceptance.proposalVersion === booking.proposal.version,
  );
  // Accepted: the terms as accepted; waiting: the station's current terms.
  const terms = useQuery({
    queryKey: ['terms', booking.station.slug, accepted?.termsVersion ?? 'current'],
    queryFn: () =>
      accepted
        ? api.termsVersion(booking.station.slug, accepted.termsVersion)
        : api.terms(booking.station.slug),
    throwOnError: true,
  });
  const money = moneyOf(booking);
  const links = {
    pay: `/pay/${booking.reference}?token=${encodeURIComponent(token)}`,
    manage: `/manage/${booking.reference}?token=${encodeURIComponent(token)}`,
  };

  const lapsed =
    booking.status === 'EXPIRED' ||
    (booking.status === 'PENDING_PAYMENT' &&
      booking.holdExpiresAt !== null &&
      Date.parse(booking.holdExpiresAt) <= openedAt);
  const active = booking.status === 'PENDING_PAYMENT' || booking.status === 'CONFIRMED';

  return (
    <article className="panel wide proposal" aria-labelledby="proposal-heading">
      <h1 id="proposal-heading">
        Your proposal from {booking.station.name}{' '}
        <span className="muted small">
          {booking.reference}, version {booking.proposal.version}
        </span>
      </h1>
      {lapsed ? (
        <div className="notice error" role="status" data-testid="proposal-lapsed">
          <p>
            The time held for this proposal has lapsed and the chef has been released. To book this
            event, reply to the e-mail that brought you here, use the chat on this page, or{' '}
            <Link href={`/book/${booking.station.slug}`}>choose a time online</Link>.
          </p>
        </div>
      ) : !active ? (
        <p className="notice" role="status">
          This booking is {booking.status.toLowerCase().replace('_', ' ')}.{' '}
          <Link href={links.manage}>See your booking</Link>.
        </p>
      ) : null}

      <EventSummary booking={booking}>
        {booking.holdExpiresAt && !lapsed ? (
          <div>
            <dt>Held until</dt>
            <dd>{formatInstant(booking.holdExpiresAt, booking.station.timezone)}</dd>
          </div>
        ) : null}
      </EventSummary>

      <section aria-labelledby="proposal-price">
        <h2 id="proposal-price">Price</h2>
        <QuoteLines
          quote={{
            lines: booking.priceLines,
            totalCents: booking.totalCents,
            depositCents: booking.depositCents,
            balanceCents: booking.totalCents - booking.paidCents,
          }}
          money={money}
          depositLabel="Deposit to confirm"
        />
      </section>

      <section aria-labelledby="proposal-menu">
        <h2 id="proposal-menu">Menu</h2>
        {booking.menu.lines.length > 0 ? (
          <ul className="menu-lines" data-testid="menu-lines">
            {booking.menu.lines.map((line) => (
              <li key={line.itemId}>
                {line.kind === 'ADDON' ? line.name : `${line.quantity} × ${line.name}`}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">To choose ({booking.menu.proteinsPerAdult} proteins per adult).</p>
        )}
        {active && !lapsed && booking.menu.changeable ? (
          editing ? (
            <MenuEditor
              booking={booking}
              proof={{ token }}
              onSaved={() => setEditing(false)}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <button type="button" className="button secondary" onClick={() => setEditing(true)}>
              Change the party or menu
            </button>
          )
        ) : null}
      </section>

      <section aria-labelledby="proposal-terms">
        <h2 id="proposal-terms">Terms</h2>
        {terms.data ? (
          <TermsText terms={terms.data} timezone={booking.station.timezone} />
        ) : (
          <p aria-busy="true" className="muted">
            Loading the terms…
          </p>
        )}
      </section>

      <p>
        <a
          href={`/api/bookings/${booking.reference}/proposal.pdf?token=${encodeURIComponent(token)}`}
        >
          Download this proposal (PDF)
        </a>
      </p>
      {accepted ? (
        <section aria-labelledby="proposal-accepted" data-testid="proposal-accepted">
          <h2 id="proposal-accepted">Accepted</h2>
          <p>
            Accepted by <strong>{accepted.name}</strong> on{' '}
            {formatInstant(accepted.acceptedAt, booking.station.timezone)} (terms version{' '}
            {accepted.termsVersion}) for {formatMoney(accepted.totalCents, money)}.
          </p>
          {booking.status === 'PENDING_PAYMENT' && !lapsed ? (
            <Link className="button" href={links.pay}>
              Pay the {formatMoney(booking.depositCents, money)} deposit
            </Link>
          ) : (
            <Link className="button secondary" href={links.manage}>
              See your booking
            </Link>
          )}
        </section>
      ) : active && !lapsed && terms.data ? (
        <AcceptForm
          booking={booking}
          token={token}
          termsVersion={terms.data.version}
          onAccepted={(updated) => {
            queryClient.setQueryData(['booking', booking.reference, { token }], updated);
            if (updated.status === 'PENDING_PAYMENT') window.location.assign(links.pay);
          }}
          onChanged={() =>
            void Promise.all([
              queryClient.invalidateQueries({ queryKey: ['booking', booking.reference] }),
              queryClient.invalidateQueries({ queryKey: ['terms', booking.station.slug] }),
            ])
          }
        />
      ) : null}
    </article>
  );
}

function AcceptForm({
  booking,
  token,
  termsVersion,
  onAccepted,
  onChanged,
}: {
  booking: TCustomerBooking;
  token: string;
  termsVersion: number;
  onAccepted: (booking: TCustomerBooking) => void;
  onChanged: () => void;
}) {
  const accept = useMutation({
    mutationFn: (body: TAcceptProposalInput) => api.acceptProposal(booking.reference, body),
    onSuccess: onAccepted,
    onError: (error) => {
      if (error instanceof ApiError && CHANGED.has(String(error.details?.reason))) onChanged();
    },
  });
  const { fields, formProps } = useApiForm<AcceptValues, TAcceptProposalInput>({
    id: 'accept-proposal',
    defaultValue: { name: booking.customer.name, agree: '' },
    toInput: (values) =>
      toAcceptInput(values, {
        token,
        termsVersion,
        proposalVersion: booking.proposal.version,
        totalCents: booking.totalCents,
      }),
    schema: ZAcceptProposalInput,
    onValid: (body) => accept.mutate(body),
    error: accept.error,
  });
  const error = accept.error instanceof ApiError ? accept.error : undefined;
  const pending = accept.isPending || (accept.isSuccess && booking.status === 'PENDING_PAYMENT');
  return (
    <form {...formProps} className="accept-form" aria-labelledby="proposal-accept">
      <h2 id="proposal-accept">Accept</h2>
      <Field
        field={fields.name}
        label="Your full name"
        hint="Typing your name is your signature."
        autoComplete="name"
        required
        maxLength={100}
      />
      <CheckboxField
        field={fields.agree}
        label={`I accept the price above and ${booking.station.name}'s terms (version ${termsVersion}).`}
        required
      />
      {error && !error.details?.agree && !error.details?.name ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending} aria-busy={accept.isPending}>
        {accept.isPending
          ? 'Accepting…'
          : booking.status === 'PENDING_PAYMENT'
            ? 'Accept and pay the deposit'
            : 'Accept the updated proposal'}
      </button>
    </form>
  );
}
