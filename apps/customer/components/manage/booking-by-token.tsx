'use client';

import { useQuery } from '@tanstack/react-query';
import { OfflineCopy } from '@hibachi/web/offline-copy';
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
  return booking.data ? (
    <>
      {/* Opened once, this page opens without a network too (the offline worker keeps it). */}
      <OfflineCopy
        storageKey={`booking:${reference}`}
        loadedAt={booking.dataUpdatedAt}
        what="your booking"
      />
      <BookingDetails booking={booking.data} proof={proof} />
    </>
  ) : null;
}
