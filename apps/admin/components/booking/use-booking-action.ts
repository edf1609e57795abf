'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * One staff action on a booking: runs it, refreshes the booking and the lists after it
 * (also after a 409, so a stale screen catches up), and keeps the error to show: its message
 * (`error`) and the refusal itself (`failure`, whose field messages a form shows).
 */
export function useBookingAction<Input, Output>(
  bookingId: string,
  run: (input: Input) => Promise<Output>,
  onSuccess: (output: Output, input: Input) => void,
) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: run,
    onSuccess,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['booking', bookingId] }),
        queryClient.invalidateQueries({ queryKey: ['bookings'] }),
      ]);
    },
  });
  return {
    run: mutation.mutate,
    busy: mutation.isPending,
    error: mutation.error?.message,
    failure: mutation.error,
    reset: mutation.reset,
  };
}
