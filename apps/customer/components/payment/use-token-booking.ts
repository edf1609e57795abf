'use client';

import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';

const FIRST_POLL_MS = 1_500;
const SLOWEST_POLL_MS = 15_000;

/**
 * A booking loaded with its signed link token; `poll` refetches while the deposit is being
 * confirmed: every 1.5 s at first (the webhook usually lands within seconds), then a quarter
 * slower each time up to every 15 s, so a page left open stays far inside the rate limit.
 */
export function useTokenBooking(reference: string, token: string, poll = false) {
  return useQuery({
    queryKey: ['booking', reference, { token }],
    queryFn: () => api.booking(reference, { token }),
    throwOnError: true,
    refetchInterval: (query) =>
      poll && query.state.data?.status === 'PENDING_PAYMENT'
        ? Math.min(FIRST_POLL_MS * 1.25 ** query.state.dataUpdateCount, SLOWEST_POLL_MS)
        : false,
  });
}
