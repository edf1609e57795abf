import type { Metadata } from 'next';
import { PaymentSimulator } from '@/components/payment/payment-simulator';
import { bookingLinkPage } from '@/lib/booking-link-page';

export const metadata: Metadata = {
  title: 'Test payment',
  referrer: 'no-referrer',
  robots: { index: false },
};

export default bookingLinkPage('Test payment', ({ reference, token, query }) =>
  query.session ? (
    <PaymentSimulator reference={reference} token={token} session={query.session} />
  ) : (
    <p className="notice">This test payment link is incomplete.</p>
  ),
);
