import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { enqueueEmail } from '../notifications/enqueue-email';
import { netPaidCents } from '../money/net-paid';
import { parseInput } from '../validation';
import {
  assertCancellable,
  cancellationRefundOf,
  markCancelled,
  gratuityLeftCents,
  requestGratuityRefunds,
  requestRefunds,
  sendCardRefunds,
} from './cancellation-steps';
import { bookingInclude } from './booking-record';
import { requireStaffBooking } from './require-staff-booking';
import { ZStaffCancelInput, type TStaffCancellation } from './staff-cancel.schema';

/**
 * POST /api/admin/bookings/ID/cancel. Staff cancel a pending or confirmed booking of
 * their station (another station's answers 404) at any time before it starts, and
 * choose whether the customer gets everything back: card payments through the provider
 * (sent after commit, retried while they fail); a card taken on a terminal, cash and checks
 * by hand (recorded as owed, reported in `offlineCents` and `parts`, until marked settled). The customer is e-mailed; the audit keeps the reason and the choice.
 */
export async function cancelBookingAsStaff(
  options: StaffRequest & { bookingId: string; input: unknown; now?: Date },
): Promise<TStaffCancellation> {
  assertCan(options.scope, 'bookings.cancel');
  const input = parseInput(ZStaffCancelInput, options.input);
  const now = options.now ?? new Date();

  const decided = await inTransaction(async (tx) => {
    const booking = await requireStaffBooking(tx, options.scope, options.bookingId, bookingInclude);
    assertCancellable(booking, now);
    await markCancelled(tx, booking, { now, reason: input.reason, version: input.version });

    const paid = netPaidCents(booking.payments);
    const plan = input.refund ? await requestRefunds(tx, booking) : undefined;
    const keptGratuity = gratuityLeftCents(booking);
    const gratuity = input.refundGratuity
      ? await requestGratuityRefunds(tx, booking)
      : { paymentIds: [], cents: 0 };
    const refund = {
      cardCents: plan?.cardRefundCents ?? 0,
      offlineCents: plan?.offlineCents ?? 0,
      keptCents: plan ? 0 : paid,
      status:
        paid === 0 && gratuity.cents === 0
          ? 'NONE'
          : plan || gratuity.cents > 0
            ? 'PENDING'
            : 'NOT_REFUNDED',
    } as const;
    const gratuityAnswer = {
      refundedCents: gratuity.cents,
      keptCents: keptGratuity - gratuity.cents,
    };
    const cardRefundIds = [...(plan?.cardRefundIds ?? []), ...gratuity.paymentIds];
    const cancellation = cancellationRefundOf(booking, {
      cancelledBy: 'STAFF',
      plan,
      gratuity: gratuityAnswer,
    });
    await enqueueEmail(tx, {
      kind: 'BOOKING_CANCELLED',
      recipient: booking.customer.email,
      subject: `Your hibachi booking ${booking.reference} is cancelled`,
      payload: { reference: booking.reference, cancellation },
      bookingId: booking.id,
      stationId: booking.stationId,
    });
    await writeStaffAudit(tx, options, {
      stationId: booking.stationId,
      entityType: 'Booking',
      entityId: booking.id,
      action: 'booking.cancelled',
      before: { status: booking.status },
      after: {
        status: 'CANCELLED',
        reason: input.reason,
        refund,
        gratuity: gratuityAnswer,
        cancellation,
      },
    });
    return { booking, refund, cancellation, cardRefundIds, version: booking.version + 1 };
  });

  const card = await sendCardRefunds(decided.cardRefundIds, options.requestId);
  return {
    id: decided.booking.id,
    reference: decided.booking.reference,
    status: 'CANCELLED',
    version: decided.version,
    refund: {
      ...decided.refund,
      status:
        card === 'SENT' && decided.refund.offlineCents === 0 ? 'REFUNDED' : decided.refund.status,
    },
    refundParts: decided.cancellation.parts,
    gratuity: decided.cancellation.gratuity,
    cancellation: { ...decided.cancellation, card },
  };
}
