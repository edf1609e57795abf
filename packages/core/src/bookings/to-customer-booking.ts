import { GRATUITY_PERCENTS, keptGratuityCents } from '../money/gratuity';
import { balanceOf, takesBalancePayments } from '../money/balance';
import type { TCustomerBooking } from './customer-booking.schema';
import { customerReschedulePolicy } from './customer-reschedule-policy';
import { menuLockAt, menuOpen } from '../menu/menu-lock';
import { proteinsDecided } from '../menu/menu-selection';
import {
  bookingAddress,
  bookingQuote,
  bookingTravel,
  menuLinesOf,
  priceAdjustmentOf,
  paidCents,
  refundDeadline,
  type BookingWithRelations,
} from './booking-record';
import { toLocalDate } from '../time';
import { proposalState } from './proposal-state';

/** The customer's view: their own booking only, station-local date and time. */
export function toCustomerBooking(
  booking: BookingWithRelations,
  now: Date = new Date(),
): TCustomerBooking {
  const date = toLocalDate(booking.eventDate);
  const lockAt = menuLockAt(
    { date, time: booking.startTime },
    booking.station.timezone,
    booking.station.menuLockHours,
  );
  const active = booking.status === 'PENDING_PAYMENT' || booking.status === 'CONFIRMED';
  const lines = menuLinesOf(booking.menuLines);
  return {
    reference: booking.reference,
    version: booking.version,
    status: booking.status,
    station: {
      slug: booking.station.slug,
      name: booking.station.name,
      timezone: booking.station.timezone,
      locale: booking.station.locale,
    },
    currency: booking.currency,
    date,
    time: booking.startTime,
    startsAt: booking.startsAt.toISOString(),
    durationMinutes: booking.durationMinutes,
    adults: booking.adults,
    children: booking.children,
    customer: { name: booking.customer.name, email: booking.customer.email },
    address: bookingAddress(booking),
    specialRequests: booking.specialRequests,
    totalCents: booking.totalCents,
    depositCents: booking.depositCents,
    paidCents: paidCents(booking),
    gratuityCents: keptGratuityCents(booking.payments),
    balance: {
      ...balanceOf(booking),
      payable: takesBalancePayments(booking),
      partialAllowed: booking.station.allowPartialBalance,
      gratuityPercents: [...GRATUITY_PERCENTS],
    },
    priceLines: bookingQuote(booking).lines,
    pricing: {
      adultPriceCents: booking.adultPriceCents,
      childPriceCents: booking.childPriceCents,
      minimumCents: booking.minimumCents,
      travel: bookingTravel(booking),
      adjustments: booking.adjustments.map(priceAdjustmentOf),
    },
    menu: {
      lines,
      proteinsPerAdult: booking.station.proteinsPerAdult,
      proteinsDecided: proteinsDecided(lines, booking, booking.station.proteinsPerAdult),
      lockAt: lockAt.toISOString(),
      changeable: active && menuOpen(lockAt, now),
    },
    holdExpiresAt:
      booking.status === 'PENDING_PAYMENT' ? (booking.holdExpiresAt?.toISOString() ?? null) : null,
    source: booking.source,
    proposal: proposalState(booking),
    cancellable: active && booking.startsAt > now,
    reschedule: customerReschedulePolicy(booking, now),
    refundDeadline: refundDeadline(booking).toISOString(),
    cancelledAt: booking.cancelledAt?.toISOString() ?? null,
  };
}
