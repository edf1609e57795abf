'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '@hibachi/web/fetch-json';

/**
 * One staff action on a booking: runs it, refreshes the booking and the lists after it
 * (also after a 409, so a stale screen catches up), and keeps the error to show.
 */
export function useBookingAction<Input, Output>(
  bookingId: string,
  run: (input: Input) => Promise<Output>,
  onDone: (output: Output) => void,
) {
  const queryClient = useQueryClient();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const mutation = useMutation({
    mutationFn: run,
    onMutate: () => setFieldErrors({}),
    onSuccess: onDone,
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400 && error.details)
        setFieldErrors(error.details as Record<string, string[]>);
    },
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
    fieldErrors,
    reset: () => {
      mutation.reset();
      setFieldErrors({});
    },
  };
}
