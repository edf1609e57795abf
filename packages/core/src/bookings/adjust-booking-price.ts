import { writeAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { formatMoney, moneyOf } from '../money/format-money';
import { netPaidCents } from '../money/net-paid';
import { enqueueEmail } from '../notifications/enqueue-email';
import { toPriceAdjustment } from '../pricing/calculate-quote';
import { parseInput } from '../validation';
import { bookingInclude, bookingQuote } from './booking-record';
import { ZAddAdjustmentInput, type TAdjustedBooking } from './create-booking.schema';
import { proposalVersionAfter } from './proposal-state';
import { requireStaffBooking } from './require-staff-booking';
import { updateBookingAtVersion } from './versioned-update';

export type AdjustedBooking = TAdjustedBooking;

/**
 * Staff give a booking a discount or a surcharge (a percent of the price before adjustments
 * or an amount, a label the customer sees, a reason kept): priced by the one rule (never
 * below zero, never below what was paid: 409 BELOW_PAID), a held booking's deposit kept
 * within the new total, at the version read, audited with who and why. An accepted price
 * becomes a new proposal version; the customer is e-mailed the proposal link to accept it.
 */
export async function adjustBookingPrice(
  options: StaffRequest & { bookingId: string; input: unknown },
): Promise<AdjustedBooking> {
  assertCan(options.scope, 'bookings.adjustPrice');
  const input = parseInput(ZAddAdjustmentInput, options.input);
  return inTransaction(async (tx) => {
    const booking = await requireStaffBooking(tx, options.scope, options.bookingId, bookingInclude);
    if (booking.status !== 'PENDING_PAYMENT' && booking.status !== 'CONFIRMED')
      throw new AppError(
        'CONFLICT',
        `This booking is ${booking.status.toLowerCase()}: its price is kept as it was.`,
        { details: { reason: 'BAD_STATE', status: booking.status } },
      );
    const adjustment = await tx.bookingAdjustment.create({
      data: {
        bookingId: booking.id,
        kind: input.kind,
        percent: input.percent ?? null,
        amountCents: input.amountCents ?? null,
        label: toPriceAdjustment(input).label,
        reason: input.reason,
        createdByStaffId: options.scope.staffId,
      },
    });
    const quote = bookingQuote({ ...booking, adjustments: [...booking.adjustments, adjustment] });
    const paid = netPaidCents(booking.payments);
    if (quote.totalCents < paid)
      throw new AppError(
        'CONFLICT',
        `That would bring the total to ${formatMoney(quote.totalCents, moneyOf(booking))}, below the ${formatMoney(paid, moneyOf(booking))} already paid.`,
        { details: { reason: 'BELOW_PAID', totalCents: quote.totalCents, paidCents: paid } },
      );
    const proposalVersion = proposalVersionAfter(booking, {
      totalCents: quote.totalCents,
      by: 'STAFF',
    });
    const depositCents =
      booking.status === 'PENDING_PAYMENT'
        ? Math.min(booking.depositCents, quote.totalCents)
        : booking.depositCents;
    await updateBookingAtVersion(tx, booking.id, input.version, {
      totalCents: quote.totalCents,
      depositCents,
      proposalVersion,
    });
    await writeAudit(tx, {
      actorType: 'STAFF',
      actorId: options.scope.staffId,
      requestId: options.requestId,
      stationId: booking.stationId,
      entityType: 'Booking',
      entityId: booking.id,
      action: 'booking.price_adjusted',
      before: { totalCents: booking.totalCents, proposalVersion: booking.proposalVersion },
      after: {
        totalCents: quote.totalCents,
        proposalVersion,
        adjustment: {
          kind: adjustment.kind,
          percent: adjustment.percent,
          amountCents: adjustment.amountCents,
          label: adjustment.label,
          reason: adjustment.reason,
        },
      },
    });
    if (quote.totalCents !== booking.totalCents)
      await enqueueEmail(tx, {
        kind: 'PROPOSAL_SENT',
        recipient: booking.customer.email,
        subject: `Your hibachi booking ${booking.reference}: updated price to review`,
        payload: { reason: 'PRICE_CHANGED' },
        bookingId: booking.id,
        stationId: booking.stationId,
      });
    return {
      id: booking.id,
      version: input.version + 1,
      totalCents: quote.totalCents,
      depositCents,
      proposalVersion,
    };
  });
}
