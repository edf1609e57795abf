import { z } from 'zod';
import { formatMoney, type MoneyFormat } from './format-money';
import { ZRefundPart, type TRefundSettler } from './refund-settler';

/**
 * What a cancellation did with the money, as amounts: the one record every message about it
 * is worded from (the customer's e-mail and answer, the staff's outcome, the booking's
 * history), so the words cannot say more or less than was recorded. Browser-safe.
 */
export const ZCancellationRefund = z.object({
  /** The customer (the station's notice decides) or staff (they choose). */
  cancelledBy: z.enum(['CUSTOMER', 'STAFF']),
  /** Nothing of the price was paid; all of it goes back; or all of it is kept. */
  decision: z.enum(['NOTHING_PAID', 'REFUNDED', 'KEPT']),
  /** The station's notice for a refund, in hours. */
  noticeHours: z.number().int().nonnegative(),
  /** What of the price was paid and is refunded or kept: the deposit first, then the balance. */
  depositCents: z.number().int().nonnegative(),
  balanceCents: z.number().int().nonnegative(),
  /** Paid beyond the price (an overpayment staff accepted, or one not yet sent back). */
  beyondCents: z.number().int().nonnegative(),
  /** How the refund goes back, by the way the money came in (empty unless REFUNDED). */
  parts: z.array(ZRefundPart),
  /**
   * The card refunds (the price and a gratuity staff chose to return): NONE to send; OWED
   * until the provider confirms (what the e-mail, written before they are sent, says); SENT;
   * or FAILED, owed and retried by the sweep.
   */
  card: z.enum(['NONE', 'OWED', 'SENT', 'FAILED']),
  /** The gratuity paid online: given back (staff chose so) or kept for the chef. */
  gratuity: z.object({
    refundedCents: z.number().int().nonnegative(),
    keptCents: z.number().int().nonnegative(),
  }),
});
export type TCancellationRefund = z.infer<typeof ZCancellationRefund>;
export type TCardRefundState = TCancellationRefund['card'];

/**
 * What of the price `paidCents` is: the booking's deposit first, then the balance up to the
 * price, then anything beyond it.
 */
export function splitPaid(
  paidCents: number,
  booking: { depositCents: number; totalCents: number },
): Pick<TCancellationRefund, 'depositCents' | 'balanceCents' | 'beyondCents'> {
  const depositCents = Math.min(paidCents, booking.depositCents);
  const beyondCents = Math.max(0, paidCents - Math.max(booking.totalCents, booking.depositCents));
  return { depositCents, balanceCents: paidCents - depositCents - beyondCents, beyondCents };
}

/** The price money a record speaks of. */
export const paidOf = (refund: TCancellationRefund) =>
  refund.depositCents + refund.balanceCents + refund.beyondCents;

/**
 * The price money a record speaks of, named: "your $100 deposit and $615 paid towards the
 * balance ($715 in all)" for the customer, "the $100 deposit and $615 of the balance ($715)"
 * for staff.
 */
function whatWasPaid(
  refund: TCancellationRefund,
  money: MoneyFormat,
  reader: 'customer' | 'staff',
): string {
  const amount = (cents: number) => formatMoney(cents, money);
  const customer = reader === 'customer';
  const items = [
    refund.depositCents > 0
      ? `${customer ? 'your' : 'the'} ${amount(refund.depositCents)} deposit`
      : '',
    refund.balanceCents > 0
      ? `${amount(refund.balanceCents)} ${customer ? 'paid towards' : 'of'} the balance`
      : '',
    refund.beyondCents > 0 ? `${amount(refund.beyondCents)} paid beyond the price` : '',
  ].filter(Boolean);
  if (items.length < 2) return items[0] ?? '';
  const total = amount(paidOf(refund));
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''} (${customer ? `${total} in all` : total})`;
}

const CARD_WORDS: Record<Exclude<TCardRefundState, 'NONE'>, (amount: string) => string> = {
  OWED: (amount) => `${amount} will be refunded to your card.`,
  SENT: (amount) => `${amount} has been refunded to your card.`,
  FAILED: (amount) =>
    `The ${amount} refund to your card could not be sent yet: it stays owed to you and we keep trying.`,
};

const BY_HAND_WORDS: Record<Exclude<TRefundSettler, 'PROVIDER'>, (amount: string) => string> = {
  CARD_TERMINAL: (amount) =>
    `Our staff will refund the ${amount} paid on our card terminal to that card.`,
  CASH: (amount) => `We will hand back the ${amount} you paid in cash.`,
  CHECK: (amount) => `We will return the ${amount} you paid by check.`,
};

/**
 * The customer's words for a cancellation's money (the e-mail and the answer): what was
 * paid, named as deposit and balance with their amounts; whether it is refunded or kept and
 * why; how each part goes back and whether it has yet; and the gratuity.
 */
export function cancellationRefundWords(refund: TCancellationRefund, money: MoneyFormat): string {
  const amount = (cents: number) => formatMoney(cents, money);
  const what = whatWasPaid(refund, money, 'customer');
  const notice = `${refund.noticeHours} hours before the event`;
  const byCustomer = refund.cancelledBy === 'CUSTOMER';
  const lead = {
    NOTHING_PAID: 'No payment was taken, so there is nothing to refund.',
    REFUNDED: byCustomer
      ? `You cancelled at least ${notice}, so everything you paid is refunded: ${what}.`
      : `Everything you paid is refunded: ${what}.`,
    KEPT: byCustomer
      ? `You cancelled less than ${notice}, so what you paid is kept, per our policy: ${what}.`
      : `What you paid is not refunded: ${what}.`,
  }[refund.decision];
  const how = refund.parts.map((part) =>
    part.settledBy === 'PROVIDER'
      ? CARD_WORDS[refund.card === 'NONE' ? 'OWED' : refund.card](amount(part.amountCents))
      : BY_HAND_WORDS[part.settledBy](amount(part.amountCents)),
  );
  const { refundedCents, keptCents } = refund.gratuity;
  const too = refund.decision === 'REFUNDED' ? ' too' : '';
  const gratuity = [
    refundedCents > 0
      ? `Your ${amount(refundedCents)} gratuity ${
          refund.card === 'SENT'
            ? 'has been refunded'
            : refund.card === 'FAILED'
              ? 'is owed back'
              : 'will be refunded'
        } to your card${too}.`
      : '',
    keptCents > 0
      ? `The ${amount(keptCents)} gratuity ${
          byCustomer && refund.decision === 'REFUNDED'
            ? 'is not part of the cancellation refund: it '
            : ''
        }stays with your chef.${byCustomer ? ' Reply to our e-mail if you would like it back.' : ''}`
      : '',
  ];
  return [lead, ...how, ...gratuity].filter(Boolean).join(' ');
}

/**
 * What cancelling at `now` would do with a customer's money, as the manage page knows the
 * booking (before any refund is decided, so without how each part goes back).
 */
export function cancellationPreviewOf(
  booking: {
    paidCents: number;
    depositCents: number;
    totalCents: number;
    gratuityCents: number;
    startsAt: string;
    refundDeadline: string;
  },
  now: Date,
): TCancellationRefund {
  const deadline = Date.parse(booking.refundDeadline);
  return {
    cancelledBy: 'CUSTOMER',
    decision:
      booking.paidCents === 0 ? 'NOTHING_PAID' : now.getTime() <= deadline ? 'REFUNDED' : 'KEPT',
    noticeHours: Math.round((Date.parse(booking.startsAt) - deadline) / 3_600_000),
    ...splitPaid(booking.paidCents, booking),
    parts: [],
    card: 'NONE',
    gratuity: { refundedCents: 0, keptCents: booking.gratuityCents },
  };
}

/** The same money for the customer deciding whether to cancel now, before anything is decided. */
export function cancellationPreviewWords(refund: TCancellationRefund, money: MoneyFormat): string {
  const what = whatWasPaid(refund, money, 'customer');
  const notice = `${refund.noticeHours} hours before the event`;
  const lead = {
    NOTHING_PAID: 'No payment was taken, so nothing will be charged or refunded.',
    REFUNDED: `You are cancelling at least ${notice}, so everything you paid will be refunded: ${what}.`,
    KEPT: `It is less than ${notice}, so what you paid is kept, per our policy: ${what}.`,
  }[refund.decision];
  const kept = refund.gratuity.keptCents;
  return kept > 0
    ? `${lead} The ${formatMoney(kept, money)} gratuity is not part of the refund: it stays with your chef.`
    : lead;
}

const STAFF_CARD_WORDS: Record<Exclude<TCardRefundState, 'NONE'>, (amount: string) => string> = {
  OWED: (amount) => `${amount} is being refunded to the card`,
  SENT: (amount) => `${amount} refunded to the card`,
  FAILED: (amount) => `${amount} to the card could not be sent yet (owed; retried automatically)`,
};

const STAFF_BY_HAND_WORDS: Record<
  Exclude<TRefundSettler, 'PROVIDER'>,
  (amount: string) => string
> = {
  CARD_TERMINAL: (amount) => `refund ${amount} on the card terminal`,
  CASH: (amount) => `hand back ${amount} paid in cash`,
  CHECK: (amount) => `send a check for ${amount}`,
};

/** What staff are told after a cancellation: where each part of the money went. */
export function cancellationOutcomeWords(refund: TCancellationRefund, money: MoneyFormat): string {
  const amount = (cents: number) => formatMoney(cents, money);
  const what = whatWasPaid(refund, money, 'staff');
  const how = refund.parts.map((part) =>
    part.settledBy === 'PROVIDER'
      ? STAFF_CARD_WORDS[refund.card === 'NONE' ? 'OWED' : refund.card](amount(part.amountCents))
      : STAFF_BY_HAND_WORDS[part.settledBy](amount(part.amountCents)),
  );
  const outcome = {
    NOTHING_PAID: 'No money had been paid.',
    REFUNDED: `Refunding ${what}: ${how.join('; ')}.`,
    KEPT: `Kept ${what}: no refund.`,
  }[refund.decision];
  const { refundedCents, keptCents } = refund.gratuity;
  const gratuity =
    refundedCents > 0
      ? `The ${amount(refundedCents)} gratuity ${refund.card === 'SENT' ? 'was refunded' : 'is being refunded'}${refund.decision === 'REFUNDED' ? ' too' : ''}.`
      : keptCents > 0
        ? `The ${amount(keptCents)} gratuity stays with the chef.`
        : '';
  return ['Booking cancelled.', outcome, gratuity].filter(Boolean).join(' ');
}

/** The booking history's short line: "Refunded $715 (deposit $100, balance $615)". */
export function cancellationHistoryWords(refund: TCancellationRefund, money: MoneyFormat): string {
  const amount = (cents: number) => formatMoney(cents, money);
  const parts = [
    refund.depositCents > 0 ? `deposit ${amount(refund.depositCents)}` : '',
    refund.balanceCents > 0 ? `balance ${amount(refund.balanceCents)}` : '',
    refund.beyondCents > 0 ? `beyond the price ${amount(refund.beyondCents)}` : '',
  ].filter(Boolean);
  const price = `${amount(paidOf(refund))} (${parts.join(', ')})`;
  const line = {
    NOTHING_PAID: 'Nothing paid',
    REFUNDED: `Refunded ${price}`,
    KEPT: `No refund: kept ${price}`,
  }[refund.decision];
  const { refundedCents, keptCents } = refund.gratuity;
  return [
    line,
    refundedCents > 0 ? `gratuity ${amount(refundedCents)} refunded` : '',
    keptCents > 0 ? `gratuity ${amount(keptCents)} kept` : '',
  ]
    .filter(Boolean)
    .join(', ');
}
