'use client';

import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { BookingDetails } from './booking-details';

/** The manage page reached from the signed link in the booking e-mail. */
export function BookingByToken({ reference, token }: { reference: string; token: string }) {
  const proof = { token };
  const booking = useQuery({
    queryKey: ['booking', reference, proof],
    queryFn: () => api.booking(reference, proof),
    throwOnError: true,
  });
  if (booking.isPending)
    return (
      <p aria-busy="true" className="muted">
        Loading your booking…
      </p>
    );
  return booking.data ? <BookingDetails booking={booking.data} proof={proof} /> : null;
}
