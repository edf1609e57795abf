import { parseInput } from '../validation';
import { ZCustomerProof, type TCustomerBooking } from './customer-booking.schema';
import { requireCustomerBooking } from './require-customer-booking';
import { toCustomerBooking } from './to-customer-booking';

/** GET /api/bookings/REF?email=… or ?token=… */
export async function getCustomerBooking(options: {
  reference: string;
  proof: unknown;
}): Promise<TCustomerBooking> {
  const proof = parseInput(ZCustomerProof, options.proof);
  return toCustomerBooking(await requireCustomerBooking(options.reference, proof));
}
