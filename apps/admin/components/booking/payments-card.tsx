'use client';

import type { StaffBookingDetail } from '@hibachi/core/bookings';
import { formatInstant, formatMoney } from '@hibachi/web/format';
import { METHOD_LABELS } from '@/lib/labels';
import { RefundOwed } from './refund-owed';

/** A booking's payments: what each was for, its price part and gratuity, refunds and who recorded it. */
export function PaymentsCard({
  booking,
  onOutcome,
}: {
  booking: StaffBookingDetail;
  onOutcome: (message: string) => void;
}) {
  const tz = booking.station.timezone;
  const money = { currency: booking.currency, locale: booking.station.locale };
  const withGratuity = booking.payments.some((payment) => payment.gratuityCents > 0);
  return (
    <section className="card" aria-labelledby="payments-heading">
      <h2 id="payments-heading">Payments</h2>
      <p className="muted small" data-testid="balance-link">
        {balanceLinkWords(booking.balanceLink, tz)}
      </p>
      {booking.payments.length === 0 ? (
        <p className="muted">No payments yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">For</th>
                <th scope="col">Method</th>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">
                  Amount
                </th>
                {withGratuity ? (
                  <th scope="col" className="numeric">
                    Gratuity
                  </th>
                ) : null}
                <th scope="col" className="numeric">
                  Refunded
                </th>
                <th scope="col">Recorded by / note</th>
              </tr>
            </thead>
            <tbody>
              {booking.payments.map((payment) => (
                <tr key={payment.id}>
                  <td>{formatInstant(payment.createdAt, tz)}</td>
                  <td>{payment.purpose === 'DEPOSIT' ? 'Deposit' : 'Balance'}</td>
                  <td>{METHOD_LABELS[payment.method]}</td>
                  <td>
                    {payment.status.toLowerCase().replace('_', ' ')}
                    <RefundOwed
                      bookingId={booking.id}
                      payment={payment}
                      money={money}
                      canSettle={booking.actions.settleRefunds}
                      onOutcome={onOutcome}
                    />
                  </td>
                  <td className="numeric">{formatMoney(payment.amountCents, money)}</td>
                  {withGratuity ? (
                    <td className="numeric" data-testid="payment-gratuity">
                      {payment.gratuityCents > 0 ? formatMoney(payment.gratuityCents, money) : '—'}
                    </td>
                  ) : null}
                  <td className="numeric">
                    {payment.refundedCents + payment.gratuityRefundedCents > 0
                      ? formatMoney(payment.refundedCents + payment.gratuityRefundedCents, money)
                      : '—'}
                  </td>
                  <td>
                    {payment.recordedBy ?? (payment.method === 'CARD' ? 'Online' : '—')}
                    {payment.note ? (
                      <span className="small block muted">{payment.note}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const LINK_WORDS: Record<StaffBookingDetail['balanceLink']['state'], string> = {
  NOTHING_DUE: 'Nothing is due.',
  NOT_SENT: 'Online balance link: not sent yet (it goes with the reminder).',
  SENT: 'Online balance link: sent with the reminder',
  OPENED: 'Online balance link: the customer opened the payment page',
  PAID: 'Online balance link: paid',
};

/** One line on where the customer is with paying the balance online. */
function balanceLinkWords(link: StaffBookingDetail['balanceLink'], tz: string): string {
  const when =
    link.state === 'SENT' ? link.sentAt : link.state === 'OPENED' ? link.openedAt : link.paidAt;
  const words = LINK_WORDS[link.state];
  return when && link.state !== 'NOTHING_DUE' && link.state !== 'NOT_SENT'
    ? `${words} on ${formatInstant(when, tz)}.`
    : words;
}
