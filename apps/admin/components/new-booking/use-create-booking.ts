'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import type { TStaffBookingInput } from '@hibachi/core/bookings/create-booking.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import { api } from '@/lib/api';
import { createdNoticeKey, toCreatedNotice } from './created-booking';

/**
 * Books the order and opens the booking's page with the hold and the proposal link. One
 * Idempotency-Key per distinct body for this form, kept across retries: a double submit or a
 * retry after a lost answer books once; a changed order after a refusal is a new request.
 */
export function useCreateBooking(customerOrigin: string) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const keyFor = (body: TStaffBookingInput) => {
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: crypto.randomUUID() };
    return attempt.current.key;
  };
  return useMutation({
    mutationFn: (body: TStaffBookingInput) =>
      api.createBooking({ body, headers: { 'Idempotency-Key': keyFor(body) } }),
    onSuccess: (created) => {
      queryClient.setQueryData(
        createdNoticeKey(created.id),
        toCreatedNotice(created, customerOrigin),
      );
      for (const key of ['calendar', 'bookings', 'staff-availability'])
        void queryClient.invalidateQueries({ queryKey: [key] });
      router.push(`/bookings/${created.id}`);
    },
    onError: (error) => {
      // Someone took the start meanwhile: the starts are read again (and the form lets it go).
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: ['staff-availability'] });
    },
  });
}
