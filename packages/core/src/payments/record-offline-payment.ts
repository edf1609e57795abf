import { writeStaffAudit } from '../audit/write-audit';
import { requireInScope } from '../auth/require-in-scope';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { claimIdempotencyKey, hashRequest, storeIdempotentResponse } from '../bookings/idempotency';
import { confirmBooking } from '../bookings/confirm-booking';
import { acceptsPayments } from '../bookings/staff-booking-actions';
import { staleVersionError } from '../bookings/versioned-update';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';
import type { Prisma } from '../generated/prisma/client';
import { parseInput } from '../validation';
import { netPaidCents } from '../money/net-paid';
import { ZRecordPaymentInput, type TRecordedPayment } from './record-offline-payment.schema';

export type RecordedPayment = TRecordedPayment;

/**
 * POST /api/admin/bookings/ID/payments: staff record a cash, check or card-terminal
 * payment. Station-scoped, idempotent per key, never more than the outstanding balance
 * unless allowOverpayment is set; a deposit taken this way confirms a held booking.
 */
export async function recordOfflinePayment(
  options: StaffRequest & { bookingId: string; input: unknown; idempotencyKey?: string },
): Promise<{ status: number; body: RecordedPayment | Prisma.JsonValue; replayed: boolean }> {
  assertCan(options.scope, 'bookings.recordPayment');
  const input = parseInput(ZRecordPaymentInput, options.input);
  const idempotencyScope = `payment.record:${options.bookingId}`;

  return inTransaction(async (tx) => {
    // Scope first: a replay of another station's request answers the same 404 as no booking.
    const booking = await requireInScope(
      options.scope,
      'booking',
      options.bookingId,
      async (id) => {
        await tx.$queryRaw`SELECT id FROM "Booking" WHERE id = ${id}::uuid FOR UPDATE`;
        return tx.booking.findUnique({
          where: { id },
          include: { payments: true, customer: true },
        });
      },
    );
    if (options.idempotencyKey) {
      const stored = await claimIdempotencyKey(
        tx,
        idempotencyScope,
        options.idempotencyKey,
        hashRequest(options.input),
      );
      if (stored) return { status: stored.status, body: stored.body, replayed: true };
    }
    if (!acceptsPayments(booking)) {
      throw new AppError(
        'CONFLICT',
        `Payments cannot be recorded for a ${booking.status.toLowerCase().replace('_', ' ')} booking.`,
        { details: { reason: 'BAD_STATE' } },
      );
    }
    if (input.version !== undefined && input.version !== booking.version) throw staleVersionError();
    const paid = netPaidCents(booking.payments);
    const outstanding = Math.max(0, booking.totalCents - paid);
    if (input.amountCents > outstanding && !input.allowOverpayment) {
      throw new AppError(
        'CONFLICT',
        `That is more than the outstanding balance of ${outstanding} cents.`,
        {
          details: {
            reason: 'OVERPAYMENT',
            outstandingCents: outstanding,
          },
        },
      );
    }
    const paidNow = paid + input.amountCents;
    // A deposit taken this way confirms a held booking; any payment changes the booking's version.
    const confirms = booking.status === 'PENDING_PAYMENT' && paidNow >= booking.depositCents;
    const payment = await tx.payment.create({
      data: {
        bookingId: booking.id,
        stationId: booking.stationId,
        purpose: booking.status === 'PENDING_PAYMENT' ? 'DEPOSIT' : 'BALANCE',
        amountCents: input.amountCents,
        method: input.method,
        status: 'SUCCEEDED',
        note: input.note ?? null,
        recordedById: options.scope.staffId,
      },
    });
    const status = confirms ? 'CONFIRMED' : booking.status;
    if (confirms) await confirmBooking(tx, booking);
    else
      await tx.booking.update({
        where: { id: booking.id },
        data: { version: { increment: 1 } },
      });
    await writeStaffAudit(tx, options, {
      stationId: booking.stationId,
      entityType: 'Payment',
      entityId: payment.id,
      action: 'payment.recorded',
      after: {
        bookingId: booking.id,
        amountCents: input.amountCents,
        method: input.method,
        bookingStatus: status,
      },
    });
    const body: RecordedPayment = {
      payment: {
        id: payment.id,
        amountCents: payment.amountCents,
        method: input.method,
        status: 'SUCCEEDED',
      },
      booking: {
        id: booking.id,
        reference: booking.reference,
        status,
        paidCents: paidNow,
        outstandingCents: Math.max(0, booking.totalCents - paidNow),
        version: booking.version + 1,
      },
    };
    if (options.idempotencyKey)
      await storeIdempotentResponse(tx, idempotencyScope, options.idempotencyKey, {
        status: 201,
        body,
      });
    return { status: 201, body, replayed: false };
  });
}
