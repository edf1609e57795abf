import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { requireStationInScope } from '../stations/station-in-scope';
import { fieldError, parseInput } from '../validation';
import { placeBooking, type CreateBookingResult } from './create-booking';
import { ZStaffBookingInput } from './create-booking.schema';

/**
 * POST /api/admin/bookings: a phone or text order, entered by staff (STAFF and above) for
 * their own station (a super admin: any). The website's booking use case, so every rule
 * holds as online (hours, closed dates, one active booking per customer and date, no double
 * booking under races, idempotency), except that staff may book inside the minimum notice
 * and choose the chef. The booking is held for the station's staff hold until the customer
 * pays the deposit from the link they are e-mailed, or staff record a payment.
 */
export async function createStaffBooking(
  options: StaffRequest & { input: unknown; idempotencyKey?: string; now?: Date },
): Promise<CreateBookingResult> {
  assertCan(options.scope, 'bookings.create');
  const input = parseInput(ZStaffBookingInput, options.input);
  const stationId = await requireStationInScope(options.scope, input.station);
  if (input.chefId) {
    const chef = await getDb().chef.findFirst({
      where: { id: input.chefId, stationId, active: true },
      select: { id: true },
    });
    if (!chef) throw fieldError('chefId', "Choose one of the station's chefs");
  }
  if (input.depositCents !== undefined) assertCan(options.scope, 'bookings.setDeposit');
  const { chefId, adjustments, depositCents, ...booking } = input;
  return placeBooking(
    booking,
    { kind: 'staff', staffId: options.scope.staffId, chefId, adjustments, depositCents },
    {
      input: options.input,
      idempotencyKey: options.idempotencyKey,
      requestId: options.requestId,
      now: options.now,
    },
  );
}
