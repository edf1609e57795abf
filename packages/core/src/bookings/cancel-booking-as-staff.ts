import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, assertStationAccess, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { enqueueEmail } from '../notifications/enqueue-email';
import { netPaidCents } from '../money/net-paid';
import { formatMoney, type MoneyFormat } from '../money/format-money';
import { parseInput } from '../validation';
import {
  assertCancellable,
  markCancelled,
  refundParts as refundPartsOf,
  byHandWords,
  gratuityLeftCents,
  requestGratuityRefunds,
  requestRefunds,
  sendCardRefunds,
  type RefundPlan,
} from './cancellation-steps';
import { bookingInclude } from './booking-record';
import { moneyOf } from '../money/format-money';
import { ZStaffCancelInput, type TStaffCancellation } from './staff-cancel.schema';

const notFound = () => new AppError('NOT_FOUND', 'No such booking.');

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
  if (!/^[0-9a-f-]{36}$/i.test(options.bookingId)) throw notFound();
  const now = options.now ?? new Date();

  const decided = await inTransaction(async (tx) => {
    const booking = await tx.booking.findUnique({
      where: { id: options.bookingId },
      include: bookingInclude,
    });
    if (!booking) throw notFound();
    assertStationAccess(options.scope, booking.stationId);
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
    const refundParts = plan ? refundPartsOf(plan) : [];
    await enqueueEmail(tx, {
      kind: 'BOOKING_CANCELLED',
      recipient: booking.customer.email,
      subject: `Your hibachi booking ${booking.reference} is cancelled`,
      payload: {
        reference: booking.reference,
        refund: { reason: refundNote(refund, gratuity.cents, plan, moneyOf(booking)) },
      },
      bookingId: booking.id,
      stationId: booking.stationId,
    });
    await writeStaffAudit(tx, options, {
      stationId: booking.stationId,
      entityType: 'Booking',
      entityId: booking.id,
      action: 'booking.cancelled',
      before: { status: booking.status },
      after: { status: 'CANCELLED', reason: input.reason, refund, gratuity: gratuityAnswer },
    });
    return {
      booking,
      refund,
      gratuity: gratuityAnswer,
      refundParts,
      cardRefundIds,
      version: booking.version + 1,
    };
  });

  const refunded =
    decided.cardRefundIds.length > 0 &&
    (await sendCardRefunds({ cardRefundIds: decided.cardRefundIds }, options.requestId));
  return {
    id: decided.booking.id,
    reference: decided.booking.reference,
    status: 'CANCELLED',
    version: decided.version,
    refund: {
      ...decided.refund,
      status: refunded && decided.refund.offlineCents === 0 ? 'REFUNDED' : decided.refund.status,
    },
    refundParts: decided.refundParts,
    gratuity: decided.gratuity,
  };
}

/** The customer's line about their money. */
function refundNote(
  refund: { keptCents: number },
  gratuityCents: number,
  plan: RefundPlan | undefined,
  money: MoneyFormat,
) {
  const gratuity =
    gratuityCents > 0
      ? ` Your ${formatMoney(gratuityCents, money)} gratuity will be refunded too.`
      : '';
  if (refund.keptCents > 0)
    return `The ${formatMoney(refund.keptCents, money)} you paid is not refunded.${gratuity} Reply to this e-mail with any questions.`;
  const lines = plan
    ? [
        plan.cardRefundCents > 0
          ? `Your ${formatMoney(plan.cardRefundCents, money)} card payment will be refunded.`
          : '',
        ...byHandWords(plan, money),
      ].filter(Boolean)
    : [];
  return lines.length > 0
    ? `${lines.join(' ')}${gratuity}`
    : gratuity
      ? gratuity.trim()
      : 'No payment was taken, so there is nothing to refund.';
}
