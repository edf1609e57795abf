import { inTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { menuLockAt, menuOpen } from '../menu/menu-lock';
import { parseInput } from '../validation';
import { ZCustomerMenuChange, type TCustomerBooking } from './customer-booking.schema';
import { requireCustomerBooking } from './require-customer-booking';
import { toCustomerBooking } from './to-customer-booking';
import { toLocalDate } from '../time';
import { applyMenuChange } from './change-booking-menu';

/**
 * `PATCH /api/bookings/REF/menu`: the customer changes the party and menu (reference + e-mail
 * or the signed link), until the station's menu lock before the event (409 MENU_LOCKED after
 * it, saying until when it was open: from then on staff change it).
 */
export async function changeCustomerMenu(options: {
  reference: string;
  input: unknown;
  requestId?: string;
  now?: Date;
}): Promise<TCustomerBooking> {
  const input = parseInput(ZCustomerMenuChange, options.input);
  const proof = 'email' in input ? { email: input.email } : { token: input.token };
  const now = options.now ?? new Date();
  const reference = await inTransaction(async (tx) => {
    const booking = await requireCustomerBooking(options.reference, proof, tx);
    const lockAt = menuLockAt(
      { date: toLocalDate(booking.eventDate), time: booking.startTime },
      booking.station.timezone,
      booking.station.menuLockHours,
    );
    if (!menuOpen(lockAt, now))
      throw new AppError(
        'CONFLICT',
        `Your menu and party became final ${booking.station.menuLockHours} hours before the event. To change them now, reply to your confirmation e-mail or call ${booking.station.name}.`,
        { details: { reason: 'MENU_LOCKED', lockAt: lockAt.toISOString() } },
      );
    await applyMenuChange(tx, booking, input, {
      actorType: 'CUSTOMER',
      actorId: booking.customerId,
      requestId: options.requestId,
    });
    return booking.reference;
  });
  return toCustomerBooking(await requireCustomerBooking(reference, proof), now);
}
