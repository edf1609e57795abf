import type { Metadata } from 'next';
import { findSimulatorSession } from '@hibachi/core/payments';
import { PaymentSimulator } from '@/components/payment/payment-simulator';
import { bookingLinkPage } from '@/lib/booking-link-page';

export const metadata: Metadata = {
  title: 'Test payment',
  referrer: 'no-referrer',
  robots: { index: false },
};

/** The session's own amounts, read on the server as Stripe's page would show them. */
async function SimulatorFor(props: { reference: string; token: string; session: string }) {
  const session = await findSimulatorSession(props);
  if (!session) return <p className="notice">This test payment link is not valid any more.</p>;
  return <PaymentSimulator {...props} charge={session} />;
}

export default bookingLinkPage('Test payment', ({ reference, token, query }) =>
  query.session ? (
    <SimulatorFor reference={reference} token={token} session={query.session} />
  ) : (
    <p className="notice">This test payment link is incomplete.</p>
  ),
);
