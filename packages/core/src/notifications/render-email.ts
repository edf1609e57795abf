import { z } from 'zod';
import { manageUrl, createManageToken, paymentUrl, proposalUrl } from '../links/booking-link';
import type { Booking, OutboxKind } from '../generated/prisma/client';
import { menuLockAt } from '../menu/menu-lock';
import { cancellationRefundWords, ZCancellationRefund } from '../money/cancellation-refund';
import { formatMoney, moneyOf } from '../money/format-money';
import { balanceReceivedLines, refundIssuedLines } from './payment-email';
import { toLocalDate } from '../time';

/** What an e-mail shows of its booking, read at delivery time. */
export type EmailBooking = Pick<
  Booking,
  | 'reference'
  | 'status'
  | 'startsAt'
  | 'endsAt'
  | 'adults'
  | 'children'
  | 'addressLine1'
  | 'city'
  | 'totalCents'
  | 'depositCents'
  | 'holdExpiresAt'
  | 'currency'
> & {
  station: {
    name: string;
    timezone: string;
    locale: string;
    menuLockHours?: number;
    reviewUrl?: string | null;
  };
  customer: { name: string };
  menuLines: { name: string; quantity: number }[];
  /** For the reminder's balance and menu deadline (the outbox loads them). */
  payments?: { status: string; amountCents: number; refundedCents: number }[];
} & Partial<Pick<Booking, 'eventDate' | 'startTime' | 'source'>>;

export type OutboxEmail = { kind: OutboxKind; subject: string; payload: unknown };
export type RenderedEmail = {
  subject: string;
  text: string;
  icalEvent?: { method: 'REQUEST' | 'CANCEL'; filename: string; content: string };
};

const ZConfirmation = z.object({ status: z.enum(['PENDING_PAYMENT', 'CONFIRMED']) });
/** What the cancellation did with the money; rows queued before it was recorded carry a sentence. */
const ZCancelled = z.union([
  z.object({ cancellation: ZCancellationRefund }),
  z.object({ refund: z.object({ reason: z.string().min(1) }) }),
]);
const ZChefChanged = z.object({ chef: z.string().min(1) });
const ZProposalSent = z.object({ reason: z.enum(['SENT', 'PRICE_CHANGED']) });
const ZMenuChanged = z.object({ by: z.enum(['CUSTOMER', 'STAFF']) });
/** A scheduled message names the start it was planned for: a moved booking skips it. */
const ZPlanned = z.object({ startsAt: z.iso.datetime() });
const PLANNED_KINDS = ['BOOKING_REMINDER', 'BOOKING_DAY_BEFORE', 'BOOKING_THANK_YOU'] as const;

/**
 * The plain-text body of an outbox e-mail: a greeting, what happened, the booking as it is
 * now (times in the station's zone) and the signed manage link. Throws on a payload that
 * does not match its kind, so a malformed message fails instead of sending nonsense.
 */
export function renderEmail(
  message: OutboxEmail,
  booking: EmailBooking,
  customerBaseUrl: string,
  now: Date = new Date(),
): RenderedEmail {
  const token = createManageToken(booking.reference, booking.endsAt);
  const link = (path: string) => new URL(path, customerBaseUrl).href;
  const manageLink = manageLinkFor(booking, customerBaseUrl);
  const when = zonedFormatter(booking.station.timezone);
  const firstName = booking.customer.name.trim().split(/\s+/)[0] ?? '';
  const money = (amount: number, currency = booking.currency) =>
    formatMoney(amount, { currency, locale: booking.station.locale });
  const lines = [
    `Hi ${firstName},`,
    '',
    ...whatHappened(
      message,
      booking,
      { when, money, now },
      {
        pay: link(paymentUrl(booking.reference, token)),
        proposal: link(proposalUrl(booking.reference, token)),
        balance: `${manageLink}#balance`,
      },
    ),
    '',
    `Booking   ${booking.reference}`,
    `When      ${when.date(booking.startsAt)}, ${when.time(booking.startsAt)} to ${when.time(booking.endsAt)} (${booking.station.name} time)`,
    `Where     ${booking.addressLine1}, ${booking.city} (${booking.station.name})`,
    `Party     ${plural(booking.adults, 'adult')}${booking.children > 0 ? `, ${plural(booking.children, 'child', 'children')}` : ''}`,
    ...(booking.menuLines.length > 0
      ? [
          `Menu      ${booking.menuLines.map((line) => `${line.quantity} × ${line.name}`).join(', ')}`,
        ]
      : []),
    `Total     ${money(booking.totalCents)} (deposit ${money(booking.depositCents)})`,
    '',
    `See or manage your booking: ${manageLink}`,
    '',
    'Hibachi at Home',
  ];
  return { subject: message.subject, text: lines.join('\n') };
}

/** The signed manage link of a booking, as every e-mail about it carries it. */
export function manageLinkFor(
  booking: Pick<Booking, 'reference' | 'endsAt'>,
  customerBaseUrl: string,
): string {
  const token = createManageToken(booking.reference, booking.endsAt);
  return new URL(manageUrl(booking.reference, token), customerBaseUrl).href;
}

/**
 * Why an e-mail should no longer go out, if it should not: a "pay the deposit to
 * confirm" e-mail whose hold has ended (paid, expired or cancelled) by delivery time.
 * The e-mail about what happened instead is in the outbox already, or needs none.
 */
export function supersededReason(message: OutboxEmail, booking: EmailBooking): string | undefined {
  if ((PLANNED_KINDS as readonly string[]).includes(message.kind)) {
    const planned = ZPlanned.safeParse(message.payload);
    if (planned.success && Date.parse(planned.data.startsAt) !== booking.startsAt.getTime())
      return 'the booking moved after this message was planned';
    const wanted = message.kind === 'BOOKING_THANK_YOU' ? 'COMPLETED' : 'CONFIRMED';
    if (booking.status !== wanted) return `the booking is ${booking.status.toLowerCase()}`;
    return;
  }
  if (
    message.kind === 'PROPOSAL_SENT' &&
    booking.status !== 'PENDING_PAYMENT' &&
    booking.status !== 'CONFIRMED'
  )
    return `the booking is ${booking.status.toLowerCase()}`;
  if (message.kind !== 'BOOKING_CONFIRMATION' || booking.status === 'PENDING_PAYMENT') return;
  const parsed = ZConfirmation.safeParse(message.payload);
  if (parsed.success && parsed.data.status === 'PENDING_PAYMENT')
    return `the hold ended before delivery (booking is ${booking.status})`;
}

function whatHappened(
  message: OutboxEmail,
  booking: EmailBooking,
  format: {
    when: ReturnType<typeof zonedFormatter>;
    money: (amount: number, currency?: string) => string;
    now: Date;
  },
  links: { pay: string; proposal: string; balance: string },
): string[] {
  const { when, money, now } = format;
  switch (message.kind) {
    case 'BOOKING_CONFIRMATION': {
      const { status } = ZConfirmation.parse(message.payload);
      if (status === 'CONFIRMED')
        return [
          'Your booking is confirmed: we have received your deposit.',
          `The balance of ${money(booking.totalCents - booking.depositCents)} is due on the day of the event.`,
        ];
      if (booking.source === 'STAFF')
        return [
          `Thanks for booking a hibachi chef with ${booking.station.name}. Your proposal is ready.`,
          booking.holdExpiresAt
            ? `We are holding your time until ${when.time(booking.holdExpiresAt)} on ${when.date(booking.holdExpiresAt)} (${booking.station.name} time).`
            : 'We are holding your time for a while.',
          `Review the price and our terms, accept them and pay the ${money(booking.depositCents)} deposit to confirm: ${links.proposal}`,
        ];
      return [
        'Thanks for booking a hibachi chef with us.',
        booking.holdExpiresAt
          ? `We are holding your time until ${when.time(booking.holdExpiresAt)} on ${when.date(booking.holdExpiresAt)} (${booking.station.name} time).`
          : 'We are holding your time for a short while.',
        `Pay the ${money(booking.depositCents)} deposit to confirm it: ${links.pay}`,
      ];
    }
    case 'PROPOSAL_SENT': {
      const { reason } = ZProposalSent.parse(message.payload);
      return [
        reason === 'PRICE_CHANGED'
          ? `We have updated the price of your booking with ${booking.station.name}: it is now ${money(booking.totalCents)}.`
          : `Here is your proposal from ${booking.station.name}: ${money(booking.totalCents)} in all.`,
        booking.status === 'PENDING_PAYMENT'
          ? `Review it and our terms, accept them and pay the ${money(booking.depositCents)} deposit to confirm: ${links.proposal}`
          : `Please review it and accept it: ${links.proposal}`,
      ];
    }
    case 'BOOKING_CANCELLED': {
      const cancelled = ZCancelled.parse(message.payload);
      return [
        'Your booking is cancelled.',
        'cancellation' in cancelled
          ? cancellationRefundWords(cancelled.cancellation, moneyOf(booking))
          : cancelled.refund.reason,
      ];
    }
    case 'REFUND_ISSUED':
      return refundIssuedLines(message.payload, money);
    case 'BOOKING_MENU_CHANGED': {
      const { by } = ZMenuChanged.parse(message.payload);
      return [
        by === 'STAFF'
          ? 'We have updated your menu and party as agreed. The details below are up to date.'
          : 'Your menu and party are updated. The details below are up to date.',
      ];
    }
    case 'BOOKING_RESCHEDULED':
      return ['Your booking has moved to a new time. The details below are up to date.'];
    case 'BOOKING_CHEF_CHANGED': {
      const { chef } = ZChefChanged.parse(message.payload);
      return [
        `${chef} will be your chef for this event. Everything else stays as booked: the time, the menu and the price.`,
      ];
    }
    case 'BOOKING_REMINDER': {
      ZPlanned.parse(message.payload);
      const paid = (booking.payments ?? [])
        .filter(
          (payment) => payment.status === 'SUCCEEDED' || payment.status === 'PARTIALLY_REFUNDED',
        )
        .reduce((sum, payment) => sum + payment.amountCents - payment.refundedCents, 0);
      const balance = Math.max(0, booking.totalCents - paid);
      const lockAt =
        booking.eventDate && booking.startTime && booking.station.menuLockHours !== undefined
          ? menuLockAt(
              { date: toLocalDate(booking.eventDate), time: booking.startTime },
              booking.station.timezone,
              booking.station.menuLockHours,
            )
          : undefined;
      return [
        `Your hibachi party is coming up on ${when.date(booking.startsAt)}.`,
        lockAt && lockAt > now
          ? `Please check your party and menu by ${when.time(lockAt)} on ${when.date(lockAt)} (${booking.station.name} time): after that your chef shops for them. Change them from your booking page (link below).`
          : 'Your party and menu are final: your chef is shopping for them.',
        balance > 0
          ? `The balance of ${money(balance)} is due on the day of the event. Pay it online now, with a gratuity for your chef if you like: ${links.balance}`
          : 'Everything is paid: nothing to collect on the day.',
      ];
    }
    case 'BALANCE_RECEIVED':
      return balanceReceivedLines(message.payload, money);
    case 'BOOKING_DAY_BEFORE':
      ZPlanned.parse(message.payload);
      return [
        `Your chef arrives tomorrow about 30 minutes before ${when.time(booking.startsAt)} to set up the grill.`,
        'Please keep a flat outdoor space of about 3 by 3 metres (10 by 10 feet) clear, with a table nearby for the guests.',
        'Running late or need to reach us? Reply to this e-mail.',
      ];
    case 'BOOKING_THANK_YOU':
      ZPlanned.parse(message.payload);
      return [
        `Thank you for having ${booking.station.name}'s chef over. We hope the party was a blast.`,
        booking.station.reviewUrl
          ? `Would you tell others how it went? A short review helps us a lot: ${booking.station.reviewUrl}`
          : 'If you have a moment, reply to this e-mail and tell us how it went.',
      ];
    case 'STAFF_SET_PASSWORD':
    case 'CONVERSATION_REPLY':
      throw new Error(`a ${message.kind} e-mail is not about a booking (see its own renderer)`);
  }
}

function zonedFormatter(timeZone: string) {
  const date = new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'full' });
  const time = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
  });
  return { date: (at: Date) => date.format(at), time: (at: Date) => time.format(at) };
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
