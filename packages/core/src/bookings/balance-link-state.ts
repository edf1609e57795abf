/** Where the customer is with the online balance: told, looking at the payment page, or done. */
export type BalanceLinkState = {
  state: 'NOTHING_DUE' | 'NOT_SENT' | 'SENT' | 'OPENED' | 'PAID';
  /** When the reminder carrying the link was sent. */
  sentAt: string | null;
  /** When the customer last opened a balance payment page that has not been paid. */
  openedAt: string | null;
  /** When a balance was last paid online. */
  paidAt: string | null;
};

type LinkPayment = {
  purpose: string;
  method: string;
  status: string;
  createdAt: Date;
  updatedAt: Date;
};
type LinkEmail = { kind: string; status: string; sentAt: Date | null };

const latest = (dates: Date[]) =>
  dates.length === 0 ? null : new Date(Math.max(...dates.map((date) => date.getTime())));

/**
 * The balance link's state for the booking page, from the booking's own records: the sent
 * reminder (which carries the link), the balance checkouts opened, and those paid.
 */
export function balanceLinkState(
  balanceCents: number,
  payments: readonly LinkPayment[],
  emails: readonly LinkEmail[],
): BalanceLinkState {
  const online = payments.filter(
    (payment) => payment.purpose === 'BALANCE' && payment.method === 'CARD',
  );
  const paidAt = latest(
    online
      .filter((payment) => payment.status !== 'PENDING' && payment.status !== 'FAILED')
      .map((payment) => payment.updatedAt),
  );
  const openedAt = latest(
    online
      .filter((payment) => payment.status === 'PENDING' || payment.status === 'FAILED')
      .map((payment) => payment.createdAt),
  );
  const sentAt = latest(
    emails
      .filter(
        (email) => email.kind === 'BOOKING_REMINDER' && email.status === 'SENT' && email.sentAt,
      )
      .map((email) => email.sentAt as Date),
  );
  const state =
    paidAt && balanceCents === 0
      ? 'PAID'
      : balanceCents === 0
        ? 'NOTHING_DUE'
        : openedAt && (!paidAt || openedAt > paidAt)
          ? 'OPENED'
          : sentAt
            ? 'SENT'
            : paidAt
              ? 'PAID'
              : 'NOT_SENT';
  return {
    state,
    sentAt: sentAt?.toISOString() ?? null,
    openedAt: openedAt?.toISOString() ?? null,
    paidAt: paidAt?.toISOString() ?? null,
  };
}
