import type { BookingAdjustment, BookingMenuLine, Prisma } from '../generated/prisma/client';
import type { TMenuLine } from '../menu/menu.schema';
import { netPaidCents } from '../money/net-paid';
import {
  calculateQuote,
  type PriceAdjustment,
  type TravelCharge,
} from '../pricing/calculate-quote';
import { moneyOf } from '../money/format-money';
import type { TQuote } from '../pricing/quote.schema';

/** A booking's acceptances, oldest first, with the terms version each accepted. */
export const ACCEPTANCE_INCLUDE = {
  include: { terms: { select: { version: true, sha256: true } } },
  orderBy: { proposalVersion: 'asc' },
} satisfies Prisma.Booking$acceptancesArgs;

/** A booking as the customer-facing and cancellation use cases load it. */
export const bookingInclude = {
  station: true,
  customer: true,
  payments: true,
  menuLines: { orderBy: [{ kind: 'asc' }, { name: 'asc' }] },
  adjustments: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  acceptances: ACCEPTANCE_INCLUDE,
} satisfies Prisma.BookingInclude;
export type BookingWithRelations = Prisma.BookingGetPayload<{ include: typeof bookingInclude }>;

/** When a booking is, as the APIs answer it: station-local date and time, and instants. */
export type BookingTimes = {
  date: string;
  time: string;
  durationMinutes: number;
  startsAt: string;
  endsAt: string;
};

/** The event address of a booking row, as the APIs answer it. */
export function bookingAddress(booking: {
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  postalCode: string;
}) {
  return {
    line1: booking.addressLine1,
    line2: booking.addressLine2,
    city: booking.city,
    postalCode: booking.postalCode,
  };
}

/** A booking's stored menu lines as the API answers them. */
export function menuLinesOf(lines: readonly BookingMenuLine[]): TMenuLine[] {
  return lines.map(({ itemId, kind, name, unitPriceCents, quantity }) => ({
    itemId,
    kind,
    name,
    unitPriceCents,
    quantity,
  }));
}

type QuotedBooking = {
  adults: number;
  children: number;
  adultPriceCents: number;
  childPriceCents: number;
  minimumCents: number;
  depositCents: number;
  travelFeeCents: number;
  travelLabel: string | null;
  currency: string;
  station: { locale: string };
  menuLines: readonly BookingMenuLine[];
  adjustments: readonly BookingAdjustment[];
};

/** A stored discount or surcharge as the pricing rule and the APIs take it. */
export function priceAdjustmentOf(adjustment: BookingAdjustment): PriceAdjustment {
  const { kind, percent, amountCents, label } = adjustment;
  return { kind, percent, amountCents, label };
}

/** The travel charge a booking was quoted, if any. */
export function bookingTravel(booking: {
  travelFeeCents: number;
  travelLabel: string | null;
}): TravelCharge | null {
  return booking.travelFeeCents > 0
    ? { feeCents: booking.travelFeeCents, label: booking.travelLabel ?? 'Travel' }
    : null;
}

/** The booking's price lines as it was quoted: its own prices, menu lines, travel and adjustments. */
export function bookingQuote(booking: QuotedBooking): TQuote {
  return calculateQuote({
    prices: booking,
    money: moneyOf(booking),
    party: booking,
    lines: menuLinesOf(booking.menuLines),
    travel: bookingTravel(booking),
    adjustments: booking.adjustments.map(priceAdjustmentOf),
  });
}

/** What the customer has paid, net of refunds. */
export function paidCents(booking: BookingWithRelations): number {
  return netPaidCents(booking.payments);
}

/** The last instant a cancellation still gets the deposit back (the station's notice). */
export function refundDeadline(booking: BookingWithRelations): Date {
  return new Date(booking.startsAt.getTime() - booking.station.cancellationNoticeHours * 3_600_000);
}
