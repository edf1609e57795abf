'use client';

import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';

/** A booking loaded with its signed link token; `poll` refetches while the deposit is being confirmed. */
export function useTokenBooking(reference: string, token: string, poll = false) {
  return useQuery({
    queryKey: ['booking', reference, { token }],
    queryFn: () => api.booking(reference, { token }),
    throwOnError: true,
    refetchInterval: (query) =>
      poll && query.state.data?.status === 'PENDING_PAYMENT' ? 1_500 : false,
  });
}
