import type { Metadata } from 'next';
import { PayDeposit } from '@/components/payment/pay-deposit';
import { bookingLinkPage } from '@/lib/booking-link-page';

export const metadata: Metadata = { title: 'Pay deposit', referrer: 'no-referrer' };

export default bookingLinkPage('Payment', ({ reference, token }) => (
  <PayDeposit reference={reference} token={token} />
));
