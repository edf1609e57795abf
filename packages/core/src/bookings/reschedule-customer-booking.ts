import { inTransaction } from '../db/transaction';
import { translateDatabaseError } from '../errors/translate-database-error';
import { parseInput } from '../validation';
import { ZCustomerReschedule, type TCustomerBooking } from './customer-booking.schema';
import { requireCustomerBooking } from './require-customer-booking';
import { moveBooking } from './move-booking';
import { toCustomerBooking } from './to-customer-booking';

/**
 * `POST /api/bookings/REF/reschedule`: the customer moves their own booking (reference +
 * e-mail or the signed link) to another start time the station offers, within its policy
 * (until `rescheduleNoticeHours` before the event, at most `rescheduleLimit` times; 409
 * RESCHEDULE_CLOSED / RESCHEDULE_LIMIT say whom to ask instead). The same rules as a staff
 * move otherwise: free chef, service hours, notice, one booking a day, version check.
 * Payments and price stay; audited as the customer; e-mailed with the updated invite.
 */
export async function rescheduleCustomerBooking(options: {
  reference: string;
  input: unknown;
  requestId?: string;
  now?: Date;
}): Promise<TCustomerBooking> {
  const input = parseInput(ZCustomerReschedule, options.input);
  const proof = 'email' in input ? { email: input.email } : { token: input.token };
  const now = options.now ?? new Date();
  try {
    await inTransaction(
      async (tx) => {
        const booking = await requireCustomerBooking(options.reference, proof, tx);
        await moveBooking(tx, {
          bookingId: booking.id,
          input: { date: input.date, time: input.time, version: input.version },
          now,
          actor: { kind: 'CUSTOMER', customerId: booking.customerId, requestId: options.requestId },
        });
      },
      { maxWait: 10_000, timeout: 15_000 },
    );
  } catch (error) {
    throw translateDatabaseError(error) ?? error;
  }
  return toCustomerBooking(await requireCustomerBooking(options.reference, proof), now);
}
