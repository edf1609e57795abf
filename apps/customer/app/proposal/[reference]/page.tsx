import type { Metadata } from 'next';
import { ProposalView } from '@/components/proposal/proposal-view';
import { bookingLinkPage } from '@/lib/booking-link-page';

export const metadata: Metadata = { title: 'Your proposal', referrer: 'no-referrer' };

export default bookingLinkPage('Your proposal', ({ reference, token }) => (
  <ProposalView reference={reference} token={token} />
));
