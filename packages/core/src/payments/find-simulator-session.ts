import { ZCustomerProof } from '../bookings/customer-booking.schema';
import { requireCustomerBooking } from '../bookings/require-customer-booking';
import { AppError } from '../errors/app-error';
import { type SimulatorSession } from './simulate-checkout';

/**
 * The simulator page's stand-in for Stripe's own page: the amounts of one of the booking's
 * checkout sessions (null when the link or the session is not the booking's).
 */
export async function findSimulatorSession(options: {
  reference: string;
  token: string;
  session: string;
}): Promise<SimulatorSession | null> {
  const proof = ZCustomerProof.safeParse({ token: options.token });
  if (!proof.success || !/^cs_sim_[0-9a-f]{24}$/.test(options.session)) return null;
  const booking = await requireCustomerBooking(options.reference, proof.data).catch(
    (error: unknown) => {
      if (error instanceof AppError) return null;
      throw error;
    },
  );
  const pending = booking?.payments.find((payment) => payment.providerRef === options.session);
  if (!booking || !pending) return null;
  return {
    purpose: pending.purpose,
    amountCents: pending.amountCents,
    gratuityCents: pending.gratuityCents,
    currency: booking.currency,
    locale: booking.station.locale,
  };
}
