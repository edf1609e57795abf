import type { Metadata } from 'next';
import { BookingByToken } from '@/components/manage/booking-by-token';
import { bookingLinkPage } from '@/lib/booking-link-page';

export const metadata: Metadata = { title: 'Your booking', referrer: 'no-referrer' };

export default bookingLinkPage('Your booking', ({ reference, token }) => (
  <>
    <h1>Your booking</h1>
    <BookingByToken reference={reference} token={token} />
  </>
));
