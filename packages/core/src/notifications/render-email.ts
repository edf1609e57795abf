import { z } from 'zod';
import { manageUrl, createManageToken, paymentUrl } from '../links/booking-link';
import type { Booking, OutboxKind } from '../generated/prisma/client';
import { formatMoney } from '../money/format-money';

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
  station: { name: string; timezone: string; locale: string };
  customer: { name: string };
  menuLines: { name: string; quantity: number }[];
};

export type OutboxEmail = { kind: OutboxKind; subject: string; payload: unknown };
export type RenderedEmail = {
  subject: string;
  text: string;
  icalEvent?: { method: 'REQUEST' | 'CANCEL'; filename: string; content: string };
};

const ZConfirmation = z.object({ status: z.enum(['PENDING_PAYMENT', 'CONFIRMED']) });
const ZCancelled = z.object({ refund: z.object({ reason: z.string().min(1) }) });
const ZRefund = z.object({ amountCents: z.number().int().positive(), reason: z.string().min(1) });
const ZMenuChanged = z.object({ by: z.enum(['CUSTOMER', 'STAFF']) });

/**
 * The plain-text body of an outbox e-mail: a greeting, what happened, the booking as it is
 * now (times in the station's zone) and the signed manage link. Throws on a payload that
 * does not match its kind, so a malformed message fails instead of sending nonsense.
 */
export function renderEmail(
  message: OutboxEmail,
  booking: EmailBooking,
  customerBaseUrl: string,
): RenderedEmail {
  const token = createManageToken(booking.reference, booking.endsAt);
  const link = (path: string) => new URL(path, customerBaseUrl).href;
  const manageLink = manageLinkFor(booking, customerBaseUrl);
  const when = zonedFormatter(booking.station.timezone);
  const firstName = booking.customer.name.trim().split(/\s+/)[0] ?? '';
  const money = (amount: number) =>
    formatMoney(amount, { currency: booking.currency, locale: booking.station.locale });
  const lines = [
    `Hi ${firstName},`,
    '',
    ...whatHappened(message, booking, { when, money }, link(paymentUrl(booking.reference, token))),
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
  if (message.kind !== 'BOOKING_CONFIRMATION' || booking.status === 'PENDING_PAYMENT') return;
  const parsed = ZConfirmation.safeParse(message.payload);
  if (parsed.success && parsed.data.status === 'PENDING_PAYMENT')
    return `the hold ended before delivery (booking is ${booking.status})`;
}

function whatHappened(
  message: OutboxEmail,
  booking: EmailBooking,
  format: { when: ReturnType<typeof zonedFormatter>; money: (amount: number) => string },
  payLink: string,
): string[] {
  const { when, money } = format;
  switch (message.kind) {
    case 'BOOKING_CONFIRMATION': {
      const { status } = ZConfirmation.parse(message.payload);
      if (status === 'CONFIRMED')
        return [
          'Your booking is confirmed: we have received your deposit.',
          `The balance of ${money(booking.totalCents - booking.depositCents)} is due on the day of the event.`,
        ];
      return [
        'Thanks for booking a hibachi chef with us.',
        booking.holdExpiresAt
          ? `We are holding your time until ${when.time(booking.holdExpiresAt)} on ${when.date(booking.holdExpiresAt)} (${booking.station.name} time).`
          : 'We are holding your time for a short while.',
        `Pay the ${money(booking.depositCents)} deposit to confirm it: ${payLink}`,
      ];
    }
    case 'BOOKING_CANCELLED':
      return ['Your booking is cancelled.', ZCancelled.parse(message.payload).refund.reason];
    case 'REFUND_ISSUED': {
      const refund = ZRefund.parse(message.payload);
      return [`We are refunding ${money(refund.amountCents)} to your card.`, refund.reason];
    }
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
    case 'STAFF_SET_PASSWORD':
      throw new Error('a staff e-mail is not about a booking (see staff-email.ts)');
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
