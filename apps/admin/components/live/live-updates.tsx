'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useEffect, useSyncExternalStore } from 'react';
import { openLiveEvents, type LiveStatus } from '@hibachi/web/live-events';

/** Screens that show bookings refetch when the station's bookings change. */
const BOOKING_QUERIES = [
  'calendar',
  'bookings',
  'booking',
  'prep-sheet',
  'my-events',
  'season',
  'staff-availability',
];
const CONVERSATION_QUERIES = ['conversations', 'conversation', 'unread-conversations'];

let status: LiveStatus = 'connecting';
const listeners = new Set<() => void>();
const setStatus = (next: LiveStatus) => {
  status = next;
  listeners.forEach((listener) => listener());
};

/** Whether live updates reach this tab now (screens poll only while they do not). */
export function useLiveConnected(): boolean {
  return (
    useSyncExternalStore(
      (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      () => status,
      () => 'connecting',
    ) === 'open'
  );
}

/**
 * One live connection per admin tab (`/api/admin/live`, the chosen station's): each event
 * refetches the screens it concerns, so another admin's move shows without a reload; after
 * a reconnect everything is refetched, since events may have been missed meanwhile.
 */
export function LiveUpdates() {
  const queryClient = useQueryClient();
  const station = useSearchParams().get('station') ?? '';
  useEffect(() => {
    const refetch = (keys: string[]) =>
      keys.forEach((key) => void queryClient.invalidateQueries({ queryKey: [key] }));
    return openLiveEvents({
      url: () => `/api/admin/live${station ? `?station=${encodeURIComponent(station)}` : ''}`,
      on: {
        bookings: () => refetch(BOOKING_QUERIES),
        message: () => refetch(CONVERSATION_QUERIES),
        conversation: () => refetch(CONVERSATION_QUERIES),
        resync: () => void queryClient.invalidateQueries(),
      },
      onStatus: setStatus,
      onOpen: (reconnected) => {
        if (reconnected) void queryClient.invalidateQueries();
      },
    });
  }, [queryClient, station]);
  return null;
}
