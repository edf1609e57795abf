import type { Metadata } from 'next';
import { PaymentReturn } from '@/components/payment/payment-return';
import { bookingLinkPage } from '@/lib/booking-link-page';

export const metadata: Metadata = { title: 'Payment', referrer: 'no-referrer' };

export default bookingLinkPage('Payment status', ({ reference, token }) => (
  <PaymentReturn reference={reference} token={token} />
));
