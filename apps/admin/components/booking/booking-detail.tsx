'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import {
  formatDuration,
  formatInstant,
  formatLocalDate,
  formatMoney,
  formatTime,
  timeZoneLabel,
} from '@hibachi/web/format';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import type { StaffRole } from '@hibachi/core/auth/permissions';
import { api } from '@/lib/api';
import { EMAIL_STATUS_LABELS } from '@/lib/labels';
import { StatusBadge } from '../status-badge';
import { AdjustmentsCard } from './adjustments-card';
import { mayAdjustPrice } from './adjustment-values';
import { AuditTimeline } from './audit-timeline';
import { BookingActions } from './booking-actions';
import { CreatedBookingNotice } from './created-notice';
import { MenuCard } from './menu-card';
import { PaymentsCard } from './payments-card';
import { PLANNED_LABELS } from '@hibachi/core/notifications/planned-message-rules';
import { NotesEditor } from './notes-editor';
import { ProposalCard } from './proposal-card';
import { sourceText } from './proposal-words';

/**
 * Everything about one booking, the actions the user may take, and what happened so far.
 * `role` hides what the user may not press; `customerOrigin` makes the proposal link absolute.
 */
export function BookingDetail({
  id,
  role,
  customerOrigin,
}: {
  id: string;
  role: StaffRole;
  customerOrigin: string;
}) {
  const query = useQuery({
    queryKey: ['booking', id],
    queryFn: () => api.booking({ path: { id } }),
    throwOnError: true,
  });
  const [outcome, setOutcome] = useState<string>();
  const booking = query.data;
  if (!booking)
    return (
      <p role="status" className="muted">
        Loading booking…
      </p>
    );
  const tz = booking.station.timezone;
  const money = { currency: booking.currency, locale: booking.station.locale };
  const mayAdjust = mayAdjustPrice(role, booking.status);
  return (
    <article className="booking-detail" aria-labelledby="booking-heading">
      <p>
        <Link href="/bookings">← All bookings</Link>
      </p>
      <header className="detail-header">
        <div>
          <h1 id="booking-heading">
            <span className="reference">{booking.reference}</span>{' '}
            <StatusBadge status={booking.status} />
          </h1>
          <p className="lead">
            {formatLocalDate(booking.date)}, {formatTime(booking.time)}–
            {formatTime(booking.endTime)}{' '}
            <span className="muted">
              ({timeZoneLabel(tz)}, {formatDuration(booking.durationMinutes)})
            </span>
          </p>
          <p className="muted" data-testid="booking-source">
            {sourceText(booking)}
          </p>
          {booking.startedAt ? (
            <p className="muted small" data-testid="started-at">
              The chef started at {formatInstant(booking.startedAt, tz)}.
            </p>
          ) : null}
        </div>
        <BookingActions booking={booking} onOutcome={setOutcome} />
      </header>
      <p role="status" className={outcome ? 'notice success' : 'visually-hidden'}>
        {outcome}
      </p>
      <CreatedBookingNotice id={booking.id} held={booking.status === 'PENDING_PAYMENT'} />

      <div className="detail-grid">
        <section className="card" aria-labelledby="event-heading">
          <h2 id="event-heading">Event</h2>
          <dl className="facts">
            <dt>Station</dt>
            <dd>{booking.station.name}</dd>
            <dt>Chef</dt>
            <dd>
              <span
                className="chef-dot"
                style={{ background: booking.chef.color }}
                aria-hidden="true"
              />
              {booking.chef.name}
              {booking.chef.active ? '' : ' (inactive)'}
            </dd>
            <dt>Party</dt>
            <dd>
              {booking.adults} adults{booking.children > 0 ? `, ${booking.children} children` : ''}
            </dd>
            <dt>Address</dt>
            <dd>
              {booking.address.line1}
              {booking.address.line2 ? `, ${booking.address.line2}` : ''}, {booking.address.city}{' '}
              {booking.address.postalCode}
            </dd>
            {booking.specialRequests ? (
              <>
                <dt>Requests</dt>
                <dd>{booking.specialRequests}</dd>
              </>
            ) : null}
            {booking.holdExpiresAt && booking.status === 'PENDING_PAYMENT' ? (
              <>
                <dt>Held until</dt>
                <dd>{formatInstant(booking.holdExpiresAt, tz)}</dd>
              </>
            ) : null}
            {booking.cancellationReason ? (
              <>
                <dt>Cancelled</dt>
                <dd>{booking.cancellationReason}</dd>
              </>
            ) : null}
          </dl>
        </section>

        <section className="card" aria-labelledby="customer-heading">
          <h2 id="customer-heading">Customer</h2>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{booking.customer.name}</dd>
            <dt>E-mail</dt>
            <dd>
              <a href={`mailto:${booking.customer.email}`}>{booking.customer.email}</a>
            </dd>
            <dt>Phone</dt>
            <dd>
              <a href={`tel:${booking.customer.phone.replace(/\s+/g, '')}`}>
                {booking.customer.phone}
              </a>
            </dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="money-heading">
          <h2 id="money-heading">Money</h2>
          <table className="money">
            <tbody>
              {booking.priceLines.map((line, index) => (
                <tr key={`${line.kind}-${index}`}>
                  <td>{line.label}</td>
                  <td className="numeric">{formatMoney(line.amountCents, money)}</td>
                </tr>
              ))}
              <tr className="total">
                <td>Total</td>
                <td className="numeric">{formatMoney(booking.totalCents, money)}</td>
              </tr>
              <tr>
                <td>Paid (net of refunds)</td>
                <td className="numeric">{formatMoney(booking.paidCents, money)}</td>
              </tr>
              <tr className="total">
                <td>Balance due</td>
                <td className="numeric" data-testid="balance-due">
                  {formatMoney(booking.balanceCents, money)}
                </td>
              </tr>
              {booking.gratuityCents > 0 ? (
                <tr>
                  <td>Gratuity for the chef (apart from the price)</td>
                  <td className="numeric" data-testid="booking-gratuity">
                    {formatMoney(booking.gratuityCents, money)}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
          {booking.refundsOwedCents > 0 ? (
            <p className="notice error">
              {formatMoney(booking.refundsOwedCents, money)} is owed back to the customer and has
              not reached them yet; it is retried automatically.
            </p>
          ) : null}
        </section>
      </div>

      <div className="detail-grid two">
        <ProposalCard
          booking={booking}
          customerOrigin={customerOrigin}
          maySend={mayAdjust}
          onOutcome={setOutcome}
        />
        <AdjustmentsCard booking={booking} mayAdjust={mayAdjust} onOutcome={setOutcome} />
      </div>

      <MenuCard booking={booking} onOutcome={setOutcome} />

      <PaymentsCard booking={booking} onOutcome={setOutcome} />

      <div className="detail-grid two">
        <section className="card" aria-labelledby="notes-heading">
          <h2 id="notes-heading">Notes</h2>
          <NotesEditor
            bookingId={booking.id}
            notes={booking.notes}
            version={booking.version}
            editable={booking.actions.editNotes}
          />
        </section>
        <section className="card" aria-labelledby="emails-heading">
          <h2 id="emails-heading">E-mails to the customer</h2>
          {booking.plannedMessages.length > 0 ? (
            <ul className="plain-list planned-messages" aria-label="Planned e-mails">
              {booking.plannedMessages.map((message) => (
                <li key={message.kind} data-testid="planned-message">
                  <strong>{PLANNED_LABELS[message.kind]}</strong>
                  <span className="small block muted">
                    {message.state === 'OFF'
                      ? 'Turned off for this station'
                      : message.state === 'SKIPPED'
                        ? 'Not sent: booked after its moment'
                        : message.kind === 'BOOKING_THANK_YOU' && booking.status !== 'COMPLETED'
                          ? `After the event is marked completed (from ${formatInstant(message.at, tz)})`
                          : `Planned for ${formatInstant(message.at, tz)}`}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {booking.emails.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="plain-list">
              {booking.emails.map((email) => (
                <li key={email.id}>
                  <strong>{email.subject}</strong>
                  <span className="small block muted">
                    {EMAIL_STATUS_LABELS[email.status] ?? email.status}
                    {email.sentAt ? ` ${formatInstant(email.sentAt, tz)}` : ''}
                    {email.attempts > 0 ? ` · ${email.attempts} attempt(s)` : ''}
                    {email.lastError ? ` · ${email.lastError}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="audit-heading">
        <h2 id="audit-heading">History</h2>
        <WidgetBoundary title="History">
          <AuditTimeline entries={booking.audit} timeZone={tz} money={money} />
        </WidgetBoundary>
      </section>
    </article>
  );
}
