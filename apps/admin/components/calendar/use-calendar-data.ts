'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { Calendar } from '@hibachi/core/bookings';
import { api } from '@/lib/api';
import { useLiveConnected } from '../live/live-updates';
import { REFRESH_MS } from '@/lib/calendar-constants';
import { withAnswer } from '@/lib/calendar-moves';
import { shiftDate, visibleRange, type CalendarView } from '@/lib/calendar-range';
import { useCalendarMoves } from './use-calendar-moves';

/**
 * The calendar's server state: the visible range (one request per range, neighbours
 * prefetched, refreshed on focus and live, polled every REFRESH_MS only offline) and moves sent to the API, each
 * answer written into the cached ranges.
 */
export function useCalendarData(
  station: { slug: string; timezone: string },
  view: CalendarView,
  date: string,
) {
  const live = useLiveConnected();
  const queryClient = useQueryClient();
  const tz = station.timezone;
  const fetchRange = useCallback(
    (range: { from: string; to: string }) =>
      api.calendar({ query: { ...range, station: station.slug } }),
    [station.slug],
  );
  const range = visibleRange(view, date, tz);
  const query = useQuery({
    queryKey: ['calendar', station.slug, range.from, range.to],
    queryFn: () => fetchRange(range),
    placeholderData: keepPreviousData,
    // Other admins' changes arrive live; polling only while the live connection is down.
    refetchInterval: live ? false : REFRESH_MS,
    refetchOnWindowFocus: true,
  });
  useEffect(() => {
    for (const step of [-1, 1]) {
      const neighbour = visibleRange(view, shiftDate(view, date, step), tz);
      void queryClient.prefetchQuery({
        queryKey: ['calendar', station.slug, neighbour.from, neighbour.to],
        queryFn: () => fetchRange(neighbour),
        staleTime: REFRESH_MS,
      });
    }
  }, [view, date, tz, station.slug, queryClient, fetchRange]);

  const moves = useCalendarMoves({
    timeZone: tz,
    events: query.data?.events,
    send: (event, target) =>
      api.reschedule({
        path: { id: event.id },
        body: {
          date: target.date,
          time: target.time,
          durationMinutes: target.durationMinutes,
          ...(target.chefId ? { chefId: target.chefId } : {}),
          version: event.version,
        },
      }),
    // The answer (toast) shows first; the cache takes the server's version on the next task
    // (the event already sits where the server put it), then a refetch brings others' changes.
    onMoved: (event, result) =>
      setTimeout(() => {
        queryClient.setQueriesData<Calendar>({ queryKey: ['calendar'] }, (current) =>
          current
            ? {
                ...current,
                events: current.events.map((candidate) =>
                  candidate.id === event.id ? withAnswer(candidate, result) : candidate,
                ),
              }
            : current,
        );
        void queryClient.invalidateQueries({ queryKey: ['calendar'] });
      }, 0),
    onStale: () => void queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  });
  return { query, moves };
}
