import { writeAudit, type AuditEntry } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction, type Tx } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { netPaidCents } from '../money/net-paid';
import { enqueueEmail } from '../notifications/enqueue-email';
import { formatMoney, moneyOf } from '../money/format-money';
import { priceEvent } from '../pricing/price-event';
import { WITH_MENU } from '../stations/station-cache';
import { parseInput } from '../validation';
import {
  bookingInclude,
  bookingTravel,
  menuLinesOf,
  priceAdjustmentOf,
  type BookingWithRelations,
} from './booking-record';
import type { TStaffMenuChanged } from './change-booking-menu.schema';
import { ZMenuChange } from './customer-booking.schema';
import { proposalVersionAfter } from './proposal-state';
import { requireStaffBooking } from './require-staff-booking';
import { updateBookingAtVersion } from './versioned-update';

type Change = {
  adults: number;
  children: number;
  menu: { itemId: string; quantity: number }[];
  version: number;
};

type Actor = Pick<AuditEntry, 'actorType' | 'actorId' | 'requestId'>;

/**
 * Sets a booking's party and menu: checked against the station's menu as it is now (items the
 * booking holds keep the price they were quoted at; new ones take today's), priced with the
 * booking's own prices and travel, never below what has been paid (409 BELOW_PAID), at the
 * version read; the lines replaced, audited, and the customer e-mailed. The deposit stays
 * (a held booking's is kept within the new total); staff changing an accepted price makes
 * a new proposal version the customer is e-mailed to accept.
 */
export async function applyMenuChange(
  tx: Tx,
  booking: BookingWithRelations,
  change: Change,
  actor: Actor,
): Promise<void> {
  if (booking.status !== 'PENDING_PAYMENT' && booking.status !== 'CONFIRMED')
    throw new AppError(
      'CONFLICT',
      `This booking is ${booking.status.toLowerCase()}: its menu is kept as it was.`,
      {
        details: { reason: 'BAD_STATE', status: booking.status },
      },
    );
  const station = await tx.station.findUniqueOrThrow({
    where: { id: booking.stationId },
    include: WITH_MENU,
  });
  const before = menuLinesOf(booking.menuLines);
  const { quote, lines } = priceEvent(
    station,
    { party: change, menu: change.menu },
    {
      prices: booking,
      lines: before,
      travel: bookingTravel(booking),
      adjustments: booking.adjustments.map(priceAdjustmentOf),
    },
  );
  const paid = netPaidCents(booking.payments);
  if (quote.totalCents < paid)
    throw new AppError(
      'CONFLICT',
      `That would bring the total to ${formatMoney(quote.totalCents, moneyOf(booking))}, below the ${formatMoney(paid, moneyOf(booking))} already paid. Please call us to change it.`,
      { details: { reason: 'BELOW_PAID', totalCents: quote.totalCents, paidCents: paid } },
    );
  const proposalVersion = proposalVersionAfter(booking, {
    totalCents: quote.totalCents,
    by: actor.actorType,
  });
  await updateBookingAtVersion(tx, booking.id, change.version, {
    adults: change.adults,
    children: change.children,
    totalCents: quote.totalCents,
    // A held booking's deposit never exceeds its total (a discount can bring it below).
    ...(booking.status === 'PENDING_PAYMENT'
      ? { depositCents: Math.min(booking.depositCents, quote.totalCents) }
      : {}),
    proposalVersion,
  });
  await tx.bookingMenuLine.deleteMany({ where: { bookingId: booking.id } });
  if (lines.length > 0)
    await tx.bookingMenuLine.createMany({
      data: lines.map((line) => ({ ...line, bookingId: booking.id })),
    });
  const summary = (adults: number, children: number, totalCents: number, menu: typeof before) => ({
    adults,
    children,
    totalCents,
    menu: menu.map((line) => ({ item: line.name, quantity: line.quantity })),
  });
  await writeAudit(tx, {
    ...actor,
    stationId: booking.stationId,
    entityType: 'Booking',
    entityId: booking.id,
    action: 'booking.menu_changed',
    before: summary(booking.adults, booking.children, booking.totalCents, before),
    after: summary(change.adults, change.children, quote.totalCents, lines),
  });
  await enqueueEmail(tx, {
    kind: 'BOOKING_MENU_CHANGED',
    recipient: booking.customer.email,
    subject: `Your hibachi booking ${booking.reference}: menu and party updated`,
    payload: { by: actor.actorType === 'STAFF' ? 'STAFF' : 'CUSTOMER' },
    bookingId: booking.id,
    stationId: booking.stationId,
  });
  // Staff changed a price the customer had accepted: they are asked to accept the new one.
  if (proposalVersion !== booking.proposalVersion)
    await enqueueEmail(tx, {
      kind: 'PROPOSAL_SENT',
      recipient: booking.customer.email,
      subject: `Your hibachi booking ${booking.reference}: updated price to review`,
      payload: { reason: 'PRICE_CHANGED' },
      bookingId: booking.id,
      stationId: booking.stationId,
    });
}

/** `PATCH /api/admin/bookings/ID/menu`: staff change the party and menu, before or after the lock. */
export async function changeBookingMenuAsStaff(
  options: StaffRequest & { bookingId: string; input: unknown },
): Promise<TStaffMenuChanged> {
  assertCan(options.scope, 'bookings.editMenu');
  const input = parseInput(ZMenuChange, options.input);
  return inTransaction(async (tx) => {
    const booking = await requireStaffBooking(tx, options.scope, options.bookingId, bookingInclude);
    await applyMenuChange(tx, booking, input, {
      actorType: 'STAFF',
      actorId: options.scope.staffId,
      requestId: options.requestId,
    });
    const updated = await tx.booking.findUniqueOrThrow({
      where: { id: booking.id },
      select: { id: true, version: true, totalCents: true },
    });
    return updated;
  });
}
